import { signInError } from './errors'

/** The channel and message type a callback page uses to hand its answer to the waiting client. */
export const CALLBACK_CHANNEL = 'mcp-sse:oauth'
export const CALLBACK_MESSAGE = 'mcp-sse:oauth-callback'

export interface CallbackMessage {
  readonly type: typeof CALLBACK_MESSAGE
  readonly state: string
  readonly callbackUrl: string
}

export function isCallbackMessage(data: unknown): data is CallbackMessage {
  if (typeof data !== 'object' || data === null) return false
  const message = data as Record<string, unknown>
  return (
    message.type === CALLBACK_MESSAGE &&
    typeof message.state === 'string' &&
    typeof message.callbackUrl === 'string'
  )
}

/** A page with windows: where the popup and redirect defaults work. */
export function inBrowser(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.open === 'function' &&
    typeof document !== 'undefined'
  )
}

/**
 * Opens the sign-in popup (blank until the authorization URL is known). Must run inside a user
 * gesture to get past popup blockers; null when blocked.
 */
export function openPopup(): Window | null {
  const width = 500
  const height = 650
  const left = Math.max(
    0,
    (window.screenX ?? 0) + (window.outerWidth - width) / 2,
  )
  const top = Math.max(
    0,
    (window.screenY ?? 0) + (window.outerHeight - height) / 2,
  )
  try {
    return window.open(
      'about:blank',
      'mcp-sse-oauth',
      `popup,width=${width},height=${height},left=${left},top=${top}`,
    )
  } catch {
    return null
  }
}

/**
 * Shows `url` in the popup and waits for the callback page to hand back its answer, by
 * `postMessage` from this origin or over a BroadcastChannel (when the authorization server's
 * cross-origin opener policy cut the popup off from us). Rejects when the popup is closed.
 */
export function waitForPopup(
  popup: Window,
  url: URL,
  state: string,
  signal: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const channel =
      typeof BroadcastChannel === 'function'
        ? new BroadcastChannel(CALLBACK_CHANNEL)
        : null
    let closedSince: number | null = null
    const finish = (outcome: () => void) => {
      window.removeEventListener('message', onMessage)
      channel?.close()
      clearInterval(poll)
      signal.removeEventListener('abort', onAbort)
      outcome()
    }
    const accept = (data: unknown) => {
      if (!isCallbackMessage(data) || data.state !== state) return
      finish(() => resolve(data.callbackUrl))
      if (!popup.closed) popup.close()
    }
    const onMessage = (event: MessageEvent) => {
      if (event.origin === window.location.origin) accept(event.data)
    }
    const onAbort = () => {
      finish(() => reject(signal.reason))
      if (!popup.closed) popup.close()
    }
    const poll = setInterval(() => {
      if (!popup.closed) return
      // A closed popup may still have posted over the channel: give that a moment to arrive.
      closedSince ??= Date.now()
      if (Date.now() - closedSince > 1000)
        finish(() =>
          reject(
            signInError(
              'authorization',
              'the sign-in window was closed before the sign-in finished. Sign in again.',
            ),
          ),
        )
    }, 250)
    window.addEventListener('message', onMessage)
    if (channel) channel.onmessage = (event) => accept(event.data)
    signal.addEventListener('abort', onAbort, { once: true })
    if (signal.aborted) onAbort()
    else popup.location.href = url.href
  })
}
