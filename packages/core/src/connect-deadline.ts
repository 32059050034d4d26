import type { AuthProvider } from './auth'
import { MCPError } from './errors'

/**
 * The `connectTimeout` of one connection attempt. The clock stops while the auth provider waits
 * for the user to sign in (`authorizing`): a person at a consent screen is not a server that
 * fails to answer, and the provider's own flow has its own limits.
 */
export function connectDeadline(
  ms: number,
  auth: AuthProvider | undefined,
): { promise: Promise<never>; clear(): void } {
  let left = ms
  let startedAt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let expire: () => void = () => {}
  const promise = new Promise<never>((_, reject) => {
    expire = () =>
      reject(
        new MCPError(
          'timeout',
          `No session after ${ms} ms: the server opened no usable session (no endpoint, or no answer to initialize or server/discover). Check url and the paths, or raise connectTimeout.`,
        ),
      )
  })
  promise.catch(() => {})
  const run = () => {
    startedAt = Date.now()
    timer = setTimeout(expire, Math.max(0, left))
  }
  const pause = () => {
    clearTimeout(timer)
    timer = undefined
    left -= Date.now() - startedAt
  }
  const waiting = () => auth?.getSnapshot().status === 'authorizing'
  const unsubscribe = auth?.subscribe(() => {
    if (waiting() && timer !== undefined) pause()
    else if (!waiting() && timer === undefined) run()
  })
  if (!waiting()) run()
  return {
    promise,
    clear() {
      clearTimeout(timer)
      unsubscribe?.()
    },
  }
}
