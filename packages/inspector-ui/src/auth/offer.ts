import type { MCPClientSnapshot } from '@mcp-sse/core'
import type { AuthEvent } from './events'

/**
 * What the session asks of the user about signing in: `waiting` (the flow found the server's
 * authorization server and waits for a click), `retry` (the last sign-in failed), `offered` (a
 * session without OAuth was refused with a Bearer challenge, or with one this page cannot read),
 * or nothing.
 */
export type SignInOffer = 'waiting' | 'retry' | 'offered' | null

export function signInOffer(
  hasSignIn: boolean,
  snap: MCPClientSnapshot,
  events: readonly AuthEvent[],
): SignInOffer {
  if (hasSignIn) {
    if (snap.status === 'authorizing') return 'waiting'
    if (snap.auth?.status === 'error') return 'retry'
    return null
  }
  if (snap.error?.code !== 'unauthorized' || snap.error.status !== 401)
    return null
  const challenge = [...events].reverse().find((e) => e.kind === 'challenge')
  const scheme = challenge?.facts[0]?.[1] ?? ''
  return challenge?.ok === true || scheme.startsWith('not readable')
    ? 'offered'
    : null
}

/** The origin users sign in at, for saying where they are sent. */
export function signInOrigin(snap: MCPClientSnapshot): string | null {
  const url = snap.auth?.authorizationUrl
  if (!url) return null
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}
