import { MCPSSEClient } from '@mcp-sse/core'
import { create } from 'zustand'
import { clientOptions, type ConnectConfig } from '../connect/config'
import { ingest } from '../log/store'
import { recordNotification } from '../notifications/store'
import { resourceActions } from '../resources/store'
import { useRoots } from '../roots/store'
import { attachServerRequestHandlers } from '../server-requests/handlers'
import { OriginTracker } from '../server-requests/origin'
import { serverRequestActions } from '../server-requests/store'
import { ClientTaskBoard } from '../tasks/client-tasks'
import { serverTaskActions } from '../tasks/store'
import { readTask } from '../tasks/types'

export interface Session {
  /** Inspector-side name (`s1`, `s2`, …): stable across reconnects, used by the log and the query keys. */
  readonly id: string
  readonly config: ConnectConfig
  readonly client: MCPSSEClient
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

export const sessionActions = {
  /** Opens a new connection; failures show in the session's snapshot, not as a thrown error. */
  open(config: ConnectConfig): Session {
    const id = `s${++counter}`
    const client = new MCPSSEClient(clientOptions(config))
    const origins = new OriginTracker()
    const clientTasks = new ClientTaskBoard(client)
    const offWire = client.onWire((event) => {
      origins.observe(event)
      ingest(id, event)
    })
    const offNotes = client.onNotification('*', (params, message) => {
      recordNotification(id, 'method' in message ? message.method : '?', params)
    })
    const offTaskStatus = client.onNotification(
      'notifications/tasks/status',
      (params) => {
        const task = readTask(params)
        if (task !== null) serverTaskActions.status(id, task)
      },
    )
    // Registered before connect(), so initialize declares exactly what was chosen.
    const offHandlers = attachServerRequestHandlers({
      session: id,
      client,
      choice: config.capabilities,
      origins,
      tasks: clientTasks,
    })
    const offReady = client.subscribe(() => {
      // Measure the round trip each time the session (re)becomes ready.
      const snapshot = client.getSnapshot()
      const session = getSession(id)
      if (snapshot.connected && session !== undefined && session.rtt === null) {
        void sessionActions.ping(id)
      }
    })
    detach.set(id, () => {
      offWire()
      offNotes()
      offTaskStatus()
      offHandlers()
      offReady()
    })
    const session: Session = {
      id,
      config,
      client,
      clientTasks,
      createdAt: Date.now(),
      rtt: null,
      rttError: null,
    }
    useSessions.setState((s) => ({
      sessions: [...s.sessions, session],
      selected: id,
    }))
    client.connect().catch(() => {
      // The error is in the snapshot, where the session list shows it.
    })
    return session
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
    useRoots.setState({ roots: [] })
    counter = 0
  },
}
