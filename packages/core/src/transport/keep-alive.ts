import { MCPError } from '../errors'

export interface SilenceWatch {
  /** Something arrived: a frame, a comment. */
  touch(): void
  stop(): void
}

/**
 * Calls `onSilent` once a stream has sent nothing for `timeout` ms (`keepAliveTimeout`), checking
 * a few times per period so a dead stream is noticed soon after the limit.
 */
export function watchSilence(
  timeout: number,
  onSilent: (error: MCPError) => void,
): SilenceWatch {
  let lastActivity = Date.now()
  const every = Math.max(50, Math.floor(timeout / 4))
  const timer = setInterval(() => {
    const silent = Date.now() - lastActivity
    if (silent <= timeout) return
    clearInterval(timer)
    onSilent(
      new MCPError(
        'connection-lost',
        `The event stream sent nothing for ${silent} ms (keepAliveTimeout is ${timeout} ms); ` +
          'treating it as dropped. Raise keepAliveTimeout, or set it to 0, for servers that send no heartbeats.',
      ),
    )
  }, every)
  return {
    touch: () => {
      lastActivity = Date.now()
    },
    stop: () => clearInterval(timer),
  }
}
