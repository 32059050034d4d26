import { useCallback, useSyncExternalStore } from 'react'
import type { Session } from './store'

function ended(sessions: readonly Session[]): number {
  return sessions.filter((s) => {
    const status = s.client.getSnapshot().status
    return status === 'closed' || status === 'error'
  }).length
}

/** How many sessions are closed or failed, kept current as their clients change state. */
export function useEndedCount(sessions: readonly Session[]): number {
  const subscribe = useCallback(
    (listener: () => void) => {
      const offs = sessions.map((s) => s.client.subscribe(listener))
      return () => offs.forEach((off) => off())
    },
    [sessions],
  )
  return useSyncExternalStore(
    subscribe,
    () => ended(sessions),
    () => 0,
  )
}
