import { MCPError } from '../errors'
import {
  CALLBACK_CHANNEL,
  CALLBACK_MESSAGE,
  inBrowser,
  type CallbackMessage,
} from './browser-authorize'
import { readRedirect, writeRedirect } from './redirect'

export interface CompleteAuthorizationOptions {
  /**
   * After a full-page redirect, go back to the page where the sign-in began.
   * @defaultValue true
   */
  returnToApp?: boolean
}

export interface CompleteAuthorizationResult {
  /**
   * `sent`: handed to the window that opened this popup (the popup then closes); `redirect`:
   * kept for the app, which finishes signing in when it loads again at `returnTo`; `none`: this
   * page holds no authorization answer.
   */
  readonly status: 'sent' | 'redirect' | 'none'
  readonly returnTo?: string
}

const ANSWER_PARAMS = [
  'code',
  'state',
  'iss',
  'error',
  'error_description',
  'error_uri',
  'session_state',
]

/**
 * Call on the `redirectUri` page. Reads the authorization server's answer (`code`, `state`,
 * `iss`), takes it out of the address bar (history.replaceState), and hands it to the client
 * waiting for it: the opener of this popup (same origin only), a tab listening on a
 * BroadcastChannel, or, after a full-page redirect, the app when it loads again. The client
 * checks state and iss before redeeming the code.
 * @example
 * // callback.html
 * import { completeAuthorization } from '@mcp-sse/core/oauth'
 * completeAuthorization()
 */
export function completeAuthorization(
  options: CompleteAuthorizationOptions = {},
): CompleteAuthorizationResult {
  if (!inBrowser())
    throw new MCPError(
      'invalid-options',
      'completeAuthorization() runs on the redirect page in a browser; outside one, return the callback URL from oauth({ authorize }).',
    )
  const href = window.location.href
  const url = new URL(href)
  const fromHash = !url.searchParams.has('state') && url.hash.includes('state=')
  const params = fromHash
    ? new URLSearchParams(url.hash.slice(1))
    : url.searchParams
  const state = params.get('state')
  if (state === null) return { status: 'none' }
  // The code must not linger in the address bar, history or a shared link.
  if (fromHash) url.hash = ''
  else for (const name of ANSWER_PARAMS) url.searchParams.delete(name)
  window.history.replaceState(window.history.state, '', url.href)

  const record = readRedirect()
  if (record && record.pending.state === state) {
    writeRedirect({ ...record, callbackUrl: href })
    if (options.returnToApp !== false) window.location.replace(record.returnTo)
    return { status: 'redirect', returnTo: record.returnTo }
  }
  const message: CallbackMessage = {
    type: CALLBACK_MESSAGE,
    state,
    callbackUrl: href,
  }
  const opener = sameOriginOpener()
  opener?.postMessage(message, window.location.origin)
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(CALLBACK_CHANNEL)
    channel.postMessage(message)
    channel.close()
  }
  // Closing at once can drop the messages just posted.
  setTimeout(() => window.close(), 100)
  return { status: 'sent' }
}

/** The window that opened this one, when it shows a page of this origin. */
function sameOriginOpener(): Window | null {
  const opener = window.opener as Window | null
  if (!opener || opener.closed) return null
  try {
    return opener.location.origin === window.location.origin ? opener : null
  } catch {
    return null
  }
}
