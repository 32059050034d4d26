import { inBrowser, openPopup, waitForPopup } from './browser-authorize'
import { signInError } from './errors'
import type { AuthorizeFunction } from './options'
import { writeRedirect, type RedirectRecord } from './redirect'

/** What showing the authorization page needs from the provider. */
export interface InteractionHost {
  readonly authorize: AuthorizeFunction | undefined
  readonly waitForSignIn: boolean
  readonly timeout: number
  /** A popup `signIn()` opened inside its click, if there is one waiting to be used. */
  takePopup(): Window | null
  /** Resolves with the popup the next `signIn()` opens (null when it was blocked). */
  nextSignIn(signal: AbortSignal): Promise<Window | null>
}

/**
 * Shows the authorization page and resolves with the callback URL: through the `authorize`
 * option; else in a browser through a popup, or a full-page redirect when the popup is blocked.
 */
export async function showAuthorizationPage(
  host: InteractionHost,
  url: URL,
  state: string,
  redirect: () => RedirectRecord,
  flowSignal: AbortSignal,
): Promise<string | URL> {
  const limit = AbortSignal.timeout(host.timeout)
  const signal = AbortSignal.any([flowSignal, limit])
  try {
    if (host.authorize)
      return await untilAborted(
        host.authorize(new URL(url), { signal }),
        signal,
      )
    if (!inBrowser())
      throw signInError(
        'authorization',
        'there is no browser here to show the authorization page. Pass oauth({ authorize }): a function that shows the URL to the user and returns the URL the server redirects to.',
      )
    let popup = host.takePopup()
    if (!popup && host.waitForSignIn) popup = await host.nextSignIn(signal)
    else if (!popup) popup = openPopup()
    if (popup) return await waitForPopup(popup, url, state, signal)
    // Blocked: leave this page for the authorization server; it comes back to the callback page.
    if (!writeRedirect(redirect()))
      throw signInError(
        'authorization',
        'the sign-in popup was blocked and this page cannot keep the request in sessionStorage for a redirect. Start the sign-in from a click (signIn()).',
      )
    window.location.assign(url.href)
    return await untilAborted(new Promise<never>(() => {}), signal)
  } catch (error) {
    if (limit.aborted && !flowSignal.aborted)
      throw signInError(
        'authorization',
        `no answer came from the authorization page within ${Math.round(host.timeout / 1000)} s. Sign in again.`,
      )
    throw error
  }
}

/** `promise`, or the signal's reason once it aborts (a callback that never answers). */
export function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
