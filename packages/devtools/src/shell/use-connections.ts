import { useSyncExternalStore } from 'react'
import type { ConnectionSource, DevtoolsConnection } from '../connections'

export function useConnections(
  source: ConnectionSource,
): readonly DevtoolsConnection[] {
  return useSyncExternalStore(
    source.subscribe,
    source.getSnapshot,
    source.getSnapshot,
  )
}
