import type { ClientRegistry, MCPSSEClient } from '@mcp-sse/core'
import type { DevtoolsClients } from './options'

/** One client the devtools show. */
export interface DevtoolsConnection {
  /** Stable while the client lives: the registry's key, or the name or index it was given by. */
  readonly key: string
  /** The registry's name, the name it was given by, or null. */
  readonly name: string | null
  readonly client: MCPSSEClient
}

/** The connections to show, readable outside React so a recorder can follow them as they appear. */
export interface ConnectionSource {
  subscribe(listener: () => void): () => void
  getSnapshot(): readonly DevtoolsConnection[]
}

function isRegistry(clients: DevtoolsClients): clients is ClientRegistry {
  return 'acquire' in clients && typeof clients.acquire === 'function'
}

/** Follows a registry: its snapshot changes when a client is acquired, released or closed. */
function registrySource(registry: ClientRegistry): ConnectionSource {
  let entries = registry.getSnapshot()
  let snapshot: readonly DevtoolsConnection[] = fromEntries(entries)
  return {
    subscribe: registry.subscribe,
    getSnapshot() {
      const now = registry.getSnapshot()
      if (now !== entries) {
        entries = now
        snapshot = fromEntries(now)
      }
      return snapshot
    },
  }
}

function fromEntries(
  entries: ReturnType<ClientRegistry['getSnapshot']>,
): readonly DevtoolsConnection[] {
  return Object.freeze(
    entries.map(({ key, name, client }) => ({ key, name, client })),
  )
}

/** A fixed list of clients never changes, so nobody is ever notified. */
function staticSource(
  clients: readonly MCPSSEClient[] | Readonly<Record<string, MCPSSEClient>>,
): ConnectionSource {
  const list: readonly DevtoolsConnection[] = Object.freeze(
    Array.isArray(clients)
      ? (clients as readonly MCPSSEClient[]).map((client, index) => ({
          key: `client:${String(index)}`,
          name: null,
          client,
        }))
      : Object.entries(clients).map(([name, client]) => ({
          key: `name:${name}`,
          name,
          client,
        })),
  )
  return { subscribe: () => () => {}, getSnapshot: () => list }
}

export function connectionSource(clients: DevtoolsClients): ConnectionSource {
  return isRegistry(clients) ? registrySource(clients) : staticSource(clients)
}
