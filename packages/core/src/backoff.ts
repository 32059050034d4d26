import type { ReconnectOptions } from './options'

export type ResolvedReconnect = Required<ReconnectOptions> & {
  enabled: boolean
}

export function resolveReconnect(
  option: boolean | ReconnectOptions | undefined,
): ResolvedReconnect {
  const given = typeof option === 'object' ? option : {}
  return {
    enabled: option !== false,
    initialDelay: given.initialDelay ?? 500,
    maxDelay: given.maxDelay ?? 30_000,
    factor: given.factor ?? 2,
    jitter: Math.min(1, Math.max(0, given.jitter ?? 0.5)),
    maxRetries: given.maxRetries ?? Infinity,
  }
}

/**
 * Exponential backoff with "equal jitter": the delay is between (1 - jitter) and 1 times the
 * exponential step, so clients that dropped together spread out but never retry at once.
 */
export function backoffDelay(
  attempt: number,
  options: ResolvedReconnect,
  random: () => number = Math.random,
): number {
  const step = options.initialDelay * options.factor ** Math.max(0, attempt - 1)
  const capped = Math.min(options.maxDelay, step)
  return Math.round(capped * (1 - options.jitter * random()))
}
