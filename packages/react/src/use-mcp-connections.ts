import type { RegistryEntry } from '@mcp-sse/core'
import { useSyncExternalStore } from 'react'
import { useMCPRegistry } from './context'

/**
 * The clients the nearest provider's registry holds, with their names and numbers of readers:
 * what a session list renders. Re-renders when one is acquired, released, added or closed.
 *
 * @example
 * ```tsx
 * const sessions = useMCPConnections()
 * return sessions.map((s) => <SessionRow key={s.key} name={s.name} client={s.client} />)
 * ```
 */
export function useMCPConnections(): readonly RegistryEntry[] {
  const registry = useMCPRegistry()
  return useSyncExternalStore(
    registry.subscribe,
    registry.getSnapshot,
    registry.getSnapshot,
  )
}
