import type { MCPSSEClient, WireEvent } from '@mcp-sse/core'
import { create } from 'zustand'
import type { SessionSignIn } from '../auth/sign-in'
import { takeCarried } from '../auth/watch'
import { DEFAULT_CONFIG, type ConnectConfig } from '../connect/config'
import { NO_CAPABILITIES } from '../capabilities/capabilities'
import type { InspectorBase } from '../inspector/base'
import type { ClientTaskBoard } from '../tasks/client-tasks'
import { attachSessionClient, createSessionClient } from './create-client'

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
  /**
   * A client the app made and owns (`attach`): the inspector listens to it and calls through it,
   * but never answers its server's requests, disconnects it or replaces it.
   */
  readonly attached: boolean
  /** Last ping round trip in milliseconds. */
  rtt: number | null
  rttError: string | null
}

export interface SessionsState {
  sessions: Session[]
  selected: string | undefined
}

export interface SessionStoreOptions {
  /**
   * Runs before a sign-in starts, with the session's settings: the playground keeps them in the
   * page address, so a sign-in that leaves the page (a blocked popup) comes back to the session.
   */
  beforeSignIn?: (config: ConnectConfig) => void
}

/** The sessions of one inspector instance, and what can be done with them. */
export function createSessionStore(
  base: InspectorBase,
  options: SessionStoreOptions,
) {
  const {
    authActions,
    resourceActions,
    useRoots,
    serverRequestActions,
    serverTaskActions,
    toolActions,
  } = base
  const useSessions = create<SessionsState>(() => ({
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

  function getSession(id: string | undefined): Session | undefined {
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

  const sessionActions = {
    /** Opens a new connection; failures show in the session's snapshot, not as a thrown error. */
    open(config: ConnectConfig): Session {
      const id = `s${++counter}`
      // Back from a sign-in that left the page: its steps so far.
      authActions.restore(id, takeCarried(config.url))
      const made = createSessionClient(base, id, config, measureWhenReady(id))
      detach.set(id, made.detach)
      const session: Session = {
        id,
        config,
        client: made.client,
        signIn: made.signIn,
        clientTasks: made.clientTasks,
        createdAt: Date.now(),
        attached: false,
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
      if (session.attached) return
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
        const made = createSessionClient(base, id, config, measureWhenReady(id))
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
      options.beforeSignIn?.(session.config)
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
      const session = getSession(id)
      if (session !== undefined && !session.attached)
        await session.client.disconnect()
    },

    /** Disconnects and forgets the session. */
    async remove(id: string): Promise<void> {
      const session = getSession(id)
      if (session === undefined) return
      serverRequestActions.withdrawSession(id)
      if (!session.attached) await session.client.disconnect()
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

    /**
     * Shows a client the app already has, under `name` (or the next `s<n>`): its wire log from now
     * on, its lists, tools to call. Nothing is added to the client but listeners.
     */
    attach(
      client: MCPSSEClient,
      name?: string,
      backlog: readonly WireEvent[] = [],
    ): Session {
      const known = useSessions
        .getState()
        .sessions.find((s) => s.client === client)
      if (known !== undefined) return known
      const id = name ?? `s${++counter}`
      // Recorded by the host before this inspector existed: the handshake, for one.
      if (backlog.length > 0)
        base.ingestMany(backlog.map((event) => ({ session: id, event })))
      const made = attachSessionClient(base, id, client, measureWhenReady(id))
      detach.set(id, made.detach)
      const session: Session = {
        id,
        config: {
          ...DEFAULT_CONFIG,
          url: client.url,
          capabilities: NO_CAPABILITIES,
        },
        client,
        signIn: null,
        clientTasks: made.clientTasks,
        createdAt: Date.now(),
        attached: true,
        rtt: null,
        rttError: null,
      }
      useSessions.setState((s) => ({
        sessions: [...s.sessions, session],
        selected: s.selected ?? id,
      }))
      return session
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
  return { useSessions, getSession, sessionActions }
}
