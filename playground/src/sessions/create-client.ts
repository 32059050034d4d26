import { MCPSSEClient } from '@mcp-sse/core'
import { observeAuthFetch } from '../auth/observe'
import { createSignIn, type SessionSignIn } from '../auth/sign-in'
import { authActions } from '../auth/store'
import { watchAuth } from '../auth/watch'
import { clientOptions, type ConnectConfig } from '../connect/config'
import { ingest } from '../log/store'
import { recordNotification } from '../notifications/store'
import { attachServerRequestHandlers } from '../server-requests/handlers'
import { OriginTracker } from '../server-requests/origin'
import { ClientTaskBoard } from '../tasks/client-tasks'
import { serverTaskActions } from '../tasks/store'
import { readTask } from '../tasks/types'
import { toolActions } from '../tools/store'

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
  id: string,
  config: ConnectConfig,
  onChange: (client: MCPSSEClient) => void,
): SessionClient {
  const signIn = config.auth === 'oauth' ? createSignIn(id) : null
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
  // Registered before connect(), so initialize declares exactly what was chosen.
  const offHandlers = attachServerRequestHandlers({
    session: id,
    client,
    choice: config.capabilities,
    origins,
    tasks: clientTasks,
  })
  const offAuth = watchAuth(id, client)
  const offChange = client.subscribe(() => onChange(client))
  return {
    client,
    signIn,
    clientTasks,
    detach: () => {
      offWire()
      offNotes()
      offTaskStatus()
      offHandlers()
      offAuth()
      offChange()
    },
  }
}
