import type { MCPSSEClient } from '@mcp-sse/core'
import type { AuthEvent } from './events'
import { authorizationFacts } from './steps'
import type { InspectorBase } from '../inspector/base'

const CARRY_KEY = 'mcp-sse-inspector:auth-steps'

/**
 * Records the sign-in's moments that show in the client's auth snapshot rather than on the
 * network: the authorization URL (its public parameters only), success, failure.
 */
export function watchAuth(
  { authActions }: InspectorBase,
  id: string,
  client: MCPSSEClient,
): () => void {
  let last = client.getSnapshot().auth
  return client.subscribe(() => {
    const auth = client.getSnapshot().auth
    if (auth === null || auth === last) return
    const before = last
    last = auth
    const record = (event: Omit<AuthEvent, 'at'>) =>
      authActions.record(id, { at: Date.now(), ...event })
    if (
      auth.authorizationUrl !== null &&
      auth.authorizationUrl !== before?.authorizationUrl
    )
      record({
        kind: 'authorization',
        ok: true,
        facts: authorizationFacts(auth.authorizationUrl),
      })
    if (auth.status === 'authorized' && before?.status !== 'authorized')
      record({ kind: 'authorized', ok: true, facts: [] })
    if (auth.status === 'error' && auth.error !== before?.error)
      // The core's sign-in messages never hold a token (a promise its tests keep).
      record({
        kind: 'error',
        ok: false,
        facts: [['error', auth.error?.message ?? '']],
      })
  })
}

/**
 * A sign-in that leaves the page (the popup was blocked) loses what the panel had seen. Before
 * the page goes, the steps of sessions waiting for a sign-in are kept in this tab's
 * sessionStorage under their server URL; the session that reopens that URL takes them back.
 * They hold URLs, statuses and public metadata only.
 */
export function carryAcrossRedirect(
  { sessionAuth }: InspectorBase,
  sessions: () => ReadonlyArray<{ id: string; url: string; waiting: boolean }>,
): void {
  window.addEventListener('pagehide', () => {
    const carried: Record<string, readonly AuthEvent[]> = {}
    for (const s of sessions())
      if (s.waiting) carried[s.url] = sessionAuth(s.id).events
    try {
      if (Object.keys(carried).length > 0)
        sessionStorage.setItem(CARRY_KEY, JSON.stringify(carried))
    } catch {
      // No storage: the panel starts again from the redirect's return.
    }
  })
}

/** The steps carried across a redirect for `url`, once. */
export function takeCarried(url: string): readonly AuthEvent[] {
  try {
    const carried = JSON.parse(
      sessionStorage.getItem(CARRY_KEY) ?? '{}',
    ) as Record<string, AuthEvent[]>
    const events = carried[url] ?? []
    delete carried[url]
    if (Object.keys(carried).length === 0) sessionStorage.removeItem(CARRY_KEY)
    else sessionStorage.setItem(CARRY_KEY, JSON.stringify(carried))
    return events
  } catch {
    return []
  }
}
