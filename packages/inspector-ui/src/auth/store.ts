import { create } from 'zustand'
import type { AuthEvent } from './events'

/** Per session: what its sign-in did, and whether its tokens are kept on this device. */
export interface SessionAuth {
  readonly events: readonly AuthEvent[]
  /** Tokens in localStorage ("remember") rather than sessionStorage (this tab). */
  readonly remember: boolean
}

const EMPTY: SessionAuth = { events: [], remember: false }
/** A sign-in records a handful of events; a long-lived session refreshing for days stays bounded. */
const MAX_EVENTS = 200

/** What each session's sign-in did, for one inspector instance. */
export function createAuthStore() {
  const useAuthState = create<{ sessions: Record<string, SessionAuth> }>(
    () => ({ sessions: {} }),
  )

  function sessionAuth(id: string): SessionAuth {
    return useAuthState.getState().sessions[id] ?? EMPTY
  }

  function change(id: string, patch: (auth: SessionAuth) => SessionAuth): void {
    useAuthState.setState((s) => ({
      sessions: { ...s.sessions, [id]: patch(s.sessions[id] ?? EMPTY) },
    }))
  }

  const authActions = {
    record(id: string, event: AuthEvent): void {
      change(id, (auth) => ({
        ...auth,
        events: [...auth.events, event].slice(-MAX_EVENTS),
      }))
    },
    restore(id: string, events: readonly AuthEvent[]): void {
      change(id, (auth) => ({ ...auth, events: [...events, ...auth.events] }))
    },
    setRemember(id: string, remember: boolean): void {
      if (sessionAuth(id).remember !== remember)
        change(id, (auth) => ({ ...auth, remember }))
    },
    forget(id: string): void {
      useAuthState.setState((s) => {
        const { [id]: _gone, ...rest } = s.sessions
        return { sessions: rest }
      })
    },
    reset(): void {
      useAuthState.setState({ sessions: {} })
    },
  }

  function useSessionAuth(id: string): SessionAuth {
    return useAuthState((s) => s.sessions[id] ?? EMPTY)
  }
  return { useAuthState, sessionAuth, authActions, useSessionAuth }
}
