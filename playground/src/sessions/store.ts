import type { MCPSSEClient } from '@mcp-sse/core'
import { create } from 'zustand'
import { keepInAddress } from '../auth/return-address'
import type { SessionSignIn } from '../auth/sign-in'
import { authActions } from '../auth/store'
import { takeCarried } from '../auth/watch'
import type { ConnectConfig } from '../connect/config'
import { resourceActions } from '../resources/store'
import { useRoots } from '../roots/store'
import { serverRequestActions } from '../server-requests/store'
import type { ClientTaskBoard } from '../tasks/client-tasks'
import { serverTaskActions } from '../tasks/store'
import { toolActions } from '../tools/store'
import { createSessionClient } from './create-client'

export interface Session {
  /** Inspector-side name (`s1`, `s2`, …): stable across reconnects, used by the log and the query keys. */
  readonly id: string
  readonly config: ConnectConfig
  readonly client: MCPSSEClient
  /** The OAuth sign-in, when the session uses one (`auth: 'oauth'`). */
  readonly signIn: SessionSignIn | null
  /** Tasks the server asked this client to run (sampling or elicitation as a task). */
  readonly clientTasks: ClientTaskBoard
  readonly createdAt: number
  /** Last ping round trip in milliseconds. */
  rtt: number | null
  rttError: string | null
}

export interface SessionsState {
  sessions: Session[]
  selected: string | undefined
}

export const useSessions = create<SessionsState>(() => ({
  sessions: [],
  selected: undefined,
}))

let counter = 0
const detach = new Map<string, () => void>()

function patch(id: string, change: Partial<Session>): void {
  useSessions.setState((s) => ({
    sessions: s.sessions.map((session) =>
      session.id === id ? { ...session, ...change } : session,
    ),
  }))
}

export function getSession(id: string | undefined): Session | undefined {
  return useSessions.getState().sessions.find((s) => s.id === id)
}

/** Measures the round trip each time the session (re)becomes ready. */
function measureWhenReady(id: string): (client: MCPSSEClient) => void {
  return (client) => {
    const session = getSession(id)
    if (
      client.getSnapshot().connected &&
      session?.client === client &&
      session.rtt === null
    )
      void sessionActions.ping(id)
  }
}

export const sessionActions = {
  /** Opens a new connection; failures show in the session's snapshot, not as a thrown error. */
  open(config: ConnectConfig): Session {
    const id = `s${++counter}`
    // Back from a sign-in that left the page: its steps so far.
    authActions.restore(id, takeCarried(config.url))
    const made = createSessionClient(id, config, measureWhenReady(id))
    detach.set(id, made.detach)
    const session: Session = {
      id,
      config,
      client: made.client,
      signIn: made.signIn,
      clientTasks: made.clientTasks,
      createdAt: Date.now(),
      rtt: null,
      rttError: null,
    }
    useSessions.setState((s) => ({
      sessions: [...s.sessions, session],
      selected: id,
    }))
    made.client.connect().catch(() => {
      // The error is in the snapshot, where the session list shows it.
    })
    return session
  },

  /**
   * Starts the sign-in; call it from the click itself, which lets the popup open. A session
   * opened without OAuth gets a new client that signs in, under the same name, log and panels.
   */
  signIn(id: string): void {
    let session = getSession(id)
    if (session === undefined) return
    if (session.signIn === null) {
      const config: ConnectConfig = {
        ...session.config,
        auth: 'oauth',
        // EventSource cannot carry the token.
        stream:
          session.config.stream === 'eventsource'
            ? 'auto'
            : session.config.stream,
      }
      detach.get(id)?.()
      void session.client.disconnect()
      const made = createSessionClient(id, config, measureWhenReady(id))
      detach.set(id, made.detach)
      patch(id, {
        config,
        client: made.client,
        signIn: made.signIn,
        clientTasks: made.clientTasks,
        rtt: null,
        rttError: null,
      })
      session = getSession(id)
      if (session === undefined) return
    }
    keepInAddress(session.config)
    const started = session.signIn?.provider.signIn()
    started?.catch(() => {
      // Shown in the auth snapshot and the panel.
    })
    const status = session.client.getSnapshot().status
    if (status === 'idle' || status === 'closed' || status === 'error')
      session.client.connect().catch(() => {
        // Shown through the snapshot.
      })
  },

  /** Forgets the session's tokens; its next request asks for a sign-in again. */
  async signOut(id: string): Promise<void> {
    await getSession(id)?.signIn?.provider.signOut()
  },

  async ping(id: string): Promise<void> {
    const session = getSession(id)
    if (session === undefined) return
    const started = performance.now()
    try {
      await session.client.ping()
      patch(id, { rtt: performance.now() - started, rttError: null })
    } catch (error) {
      patch(id, {
        rttError: error instanceof Error ? error.message : String(error),
      })
    }
  },

  reconnect(id: string): void {
    const session = getSession(id)
    if (session === undefined) return
    patch(id, { rtt: null })
    const status = session.client.getSnapshot().status
    const again =
      status === 'idle' || status === 'closed' || status === 'error'
        ? session.client.connect()
        : session.client.reconnect()
    again.catch(() => {
      // Shown through the snapshot.
    })
  },

  /** Disconnects and keeps the row, so its log and inputs stay readable. */
  async close(id: string): Promise<void> {
    serverRequestActions.withdrawSession(id)
    await getSession(id)?.client.disconnect()
  },

  /** Disconnects and forgets the session. */
  async remove(id: string): Promise<void> {
    const session = getSession(id)
    if (session === undefined) return
    serverRequestActions.withdrawSession(id)
    await session.client.disconnect()
    detach.get(id)?.()
    detach.delete(id)
    authActions.forget(id)
    toolActions.forgetSession(id)
    useSessions.setState((s) => {
      const sessions = s.sessions.filter((x) => x.id !== id)
      return {
        sessions,
        selected: s.selected === id ? sessions.at(-1)?.id : s.selected,
      }
    })
  },

  select(id: string): void {
    useSessions.setState({ selected: id })
  },

  /** Forgets every closed or failed session at once, so failed cards do not pile up. */
  async removeEnded(): Promise<number> {
    const ended = useSessions.getState().sessions.filter((s) => {
      const status = s.client.getSnapshot().status
      return status === 'closed' || status === 'error'
    })
    for (const session of ended) await sessionActions.remove(session.id)
    return ended.length
  },

  /** For tests: closes everything and starts numbering again. */
  async reset(): Promise<void> {
    for (const session of useSessions.getState().sessions) {
      await sessionActions.remove(session.id)
    }
    serverRequestActions.reset()
    serverTaskActions.reset()
    resourceActions.reset()
    authActions.reset()
    useRoots.setState({ roots: [] })
    counter = 0
  },
}
