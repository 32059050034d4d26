import type { RequestId } from '@mcp-sse/core'
import { create } from 'zustand'
import type { RequestOrigin } from './origin'

export type ServerRequestMethod =
  'sampling/createMessage' | 'elicitation/create'

/** What became of a request: still waiting for the user, or how it was settled. */
export type ServerRequestState =
  | 'pending'
  | 'answered'
  | 'rejected'
  /** The server cancelled it (`notifications/cancelled`), or the session closed. */
  | 'withdrawn'

/** A request from a server waiting for the user's answer: a card in the inbox. */
export interface ServerRequest {
  /** Unique across sessions: `s1:7`. */
  key: string
  session: string
  method: ServerRequestMethod
  requestId: RequestId
  params: Record<string, unknown>
  receivedAt: number
  origin: RequestOrigin | null
  /** The client-side task this request runs as, when the server asked for one. */
  taskId: string | null
  /** The server's task this request is part of (`related-task`). */
  relatedTask: string | null
  state: ServerRequestState
  /** One line on what was sent back, once settled. */
  outcome: string | null
}

export interface Settlement {
  /** What the client answers: a result object, or an error to send as a JSON-RPC error. */
  result?: Record<string, unknown>
  error?: Error
  outcome: string
}

export interface ServerRequestsState {
  requests: ServerRequest[]
  /** Draft answers by request key, so a half-written reply survives switching panels. */
  drafts: Record<string, unknown>
}

/** The server requests waiting for the user, for one inspector instance. */
export function createServerRequestStore() {
  const useServerRequests = create<ServerRequestsState>(() => ({
    requests: [],
    drafts: {},
  }))

  /** How each card's answer reaches the handler that is waiting for it. */
  const settlers = new Map<string, (settlement: Settlement) => void>()

  /** Settled cards kept for reference; older ones are dropped. */
  const HISTORY = 30

  function update(key: string, patch: Partial<ServerRequest>): void {
    useServerRequests.setState((s) => ({
      requests: s.requests.map((r) => (r.key === key ? { ...r, ...patch } : r)),
    }))
  }

  const serverRequestActions = {
    add(
      request: Omit<ServerRequest, 'state' | 'outcome'>,
      settle: (settlement: Settlement) => void,
    ): void {
      settlers.set(request.key, settle)
      useServerRequests.setState((s) => {
        const settled = s.requests.filter((r) => r.state !== 'pending')
        const pending = s.requests.filter((r) => r.state === 'pending')
        return {
          requests: [
            ...pending,
            { ...request, state: 'pending', outcome: null },
            ...settled.slice(0, HISTORY),
          ],
        }
      })
    },

    /** The user's answer: sent to the server, and the card shows what was sent. */
    settle(key: string, settlement: Settlement): void {
      const settle = settlers.get(key)
      if (settle === undefined) return
      settlers.delete(key)
      settle(settlement)
      update(key, {
        state: settlement.error === undefined ? 'answered' : 'rejected',
        outcome: settlement.outcome,
      })
      serverRequestActions.setDraft(key, undefined)
    },

    /** The server no longer waits (it cancelled, or the session closed). */
    withdraw(key: string, why: string): void {
      if (!settlers.delete(key)) return
      update(key, { state: 'withdrawn', outcome: why })
    },

    /** Every request of a session that closed: nobody is left to answer. */
    withdrawSession(session: string): void {
      for (const r of useServerRequests.getState().requests) {
        if (r.session === session && r.state === 'pending')
          serverRequestActions.withdraw(r.key, 'The session closed.')
      }
    },

    setDraft(key: string, draft: unknown): void {
      useServerRequests.setState((s) => {
        const drafts = { ...s.drafts }
        if (draft === undefined) delete drafts[key]
        else drafts[key] = draft
        return { drafts }
      })
    },

    clearSettled(): void {
      useServerRequests.setState((s) => ({
        requests: s.requests.filter((r) => r.state === 'pending'),
      }))
    },

    /** For tests. */
    reset(): void {
      settlers.clear()
      useServerRequests.setState({ requests: [], drafts: {} })
    },
  }
  return { useServerRequests, serverRequestActions }
}

export function pendingCount(state: ServerRequestsState): number {
  return state.requests.filter((r) => r.state === 'pending').length
}
