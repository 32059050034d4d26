import { MCPSSEClient } from '@mcp-sse/core'
import { observeAuthFetch } from '../auth/observe'
import { createSignIn, type SessionSignIn } from '../auth/sign-in'
import { watchAuth } from '../auth/watch'
import { clientOptions, type ConnectConfig } from '../connect/config'
import type { InspectorBase } from '../inspector/base'
import { attachServerRequestHandlers } from '../server-requests/handlers'
import { OriginTracker } from '../server-requests/origin'
import { ClientTaskBoard } from '../tasks/client-tasks'
import { readTask } from '../tasks/types'

/** One client of a session with everything the inspector hangs on it. */
export interface SessionClient {
  readonly client: MCPSSEClient
  readonly signIn: SessionSignIn | null
  readonly clientTasks: ClientTaskBoard
  /** Takes the inspector's listeners off the client. */
  detach(): void
}

/**
 * Makes the client for session `id`: its wire events feed the log, its notifications and server
 * requests their panels, and its HTTP requests the auth panel (through a fetch that observes the
 * sign-in's requests, beneath any credentials). `onChange` runs on every snapshot change.
 */
export function createSessionClient(
  base: InspectorBase,
  id: string,
  config: ConnectConfig,
  onChange: (client: MCPSSEClient) => void,
): SessionClient {
  const { authActions } = base
  const signIn = config.auth === 'oauth' ? createSignIn(base, id) : null
  const options = clientOptions(config)
  const client = new MCPSSEClient({
    ...options,
    fetch: observeAuthFetch(options.fetch, (event) =>
      authActions.record(id, event),
    ),
    ...(signIn !== null && { auth: signIn.provider }),
  })
  const origins = new OriginTracker()
  const clientTasks = new ClientTaskBoard(client)
  const offListeners = listen(base, id, client, origins, onChange)
  // Registered before connect(), so initialize declares exactly what was chosen.
  const offHandlers = attachServerRequestHandlers({
    base,
    session: id,
    client,
    choice: config.capabilities,
    origins,
    tasks: clientTasks,
  })
  return {
    client,
    signIn,
    clientTasks,
    detach: () => {
      offListeners()
      offHandlers()
    },
  }
}

/**
 * Hangs the inspector's listeners on a client the app owns: the log, notifications, task status
 * and auth steps, but no request handlers (the app answers its server's requests itself).
 */
export function attachSessionClient(
  base: InspectorBase,
  id: string,
  client: MCPSSEClient,
  onChange: (client: MCPSSEClient) => void,
): Omit<SessionClient, 'signIn'> {
  const off = listen(base, id, client, new OriginTracker(), onChange)
  return { client, clientTasks: new ClientTaskBoard(client), detach: off }
}

/** The listeners every session's client carries, whoever made it. */
function listen(
  base: InspectorBase,
  id: string,
  client: MCPSSEClient,
  origins: OriginTracker,
  onChange: (client: MCPSSEClient) => void,
): () => void {
  const { ingest, recordNotification, serverTaskActions, toolActions } = base
  const offWire = client.onWire((event) => {
    origins.observe(event)
    if (event.type === 'tool-rejected')
      toolActions.reject(id, event.tool, event.reason)
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
  const offAuth = watchAuth(base, id, client)
  const offChange = client.subscribe(() => onChange(client))
  return () => {
    offWire()
    offNotes()
    offTaskStatus()
    offAuth()
    offChange()
  }
}
