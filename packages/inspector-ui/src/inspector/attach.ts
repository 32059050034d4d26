import type { ClientRegistry, MCPSSEClient, WireEvent } from '@mcp-sse/core'
import type { Inspector } from './create'

/**
 * What an inspector shows: clients by hand (an array, or by name), or a registry (the clients of
 * `<MCPSSEProvider>`), followed as clients come and go.
 */
export type InspectorClients =
  | readonly MCPSSEClient[]
  | Readonly<Record<string, MCPSSEClient>>
  | ClientRegistry

/** Wire events a host recorded for `client` before the inspector attached, oldest first. */
export type BacklogOf = (client: MCPSSEClient) => readonly WireEvent[]

function isRegistry(clients: InspectorClients): clients is ClientRegistry {
  return 'acquire' in clients && typeof clients.acquire === 'function'
}

function named(
  clients: InspectorClients,
): { client: MCPSSEClient; name: string | undefined }[] {
  if (isRegistry(clients))
    return clients
      .getSnapshot()
      .map(({ key, name, client }) => ({ client, name: name ?? key }))
  if (Array.isArray(clients))
    return (clients as readonly MCPSSEClient[]).map((client) => ({
      client,
      name: undefined,
    }))
  return Object.entries(clients as Record<string, MCPSSEClient>).map(
    ([name, client]) => ({ client, name }),
  )
}

/**
 * Keeps the inspector's attached sessions equal to `clients`: new ones attached (their log from
 * now on, after the backlog), gone ones let go (the client itself is left as it is). Returns the
 * function that lets go of all of them.
 */
export function followClients(
  inspector: Inspector,
  clients: InspectorClients,
  backlogOf?: BacklogOf,
): () => void {
  const { sessionActions, useSessions } = inspector
  const sync = () => {
    const wanted = named(clients)
    const live = new Set(wanted.map(({ client }) => client))
    for (const session of useSessions.getState().sessions)
      if (session.attached && !live.has(session.client))
        void sessionActions.remove(session.id)
    for (const { client, name } of wanted)
      sessionActions.attach(client, name, backlogOf?.(client))
  }
  sync()
  const unsubscribe = isRegistry(clients) ? clients.subscribe(sync) : () => {}
  return () => {
    unsubscribe()
    for (const session of useSessions.getState().sessions)
      if (session.attached) void sessionActions.remove(session.id)
  }
}
