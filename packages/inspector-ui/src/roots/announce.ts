import type { Inspector } from '../inspector/create'
import type { Root } from './store'

/**
 * Replaces the roots and tells every connected session that declared `roots`
 * (`notifications/roots/list_changed`); the server then asks `roots/list` again.
 * Resolves with the sessions told.
 */
export async function saveRoots(
  { useRoots, useSessions }: Inspector,
  roots: Root[],
): Promise<string[]> {
  useRoots.setState({ roots })
  const told: string[] = []
  await Promise.all(
    useSessions
      .getState()
      .sessions.filter(
        (s) => s.config.capabilities.roots && s.client.getSnapshot().connected,
      )
      .map(async (s) => {
        await s.client.notify('notifications/roots/list_changed')
        told.push(s.id)
      }),
  )
  return told.sort()
}
