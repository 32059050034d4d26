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

/** Counts reconnection attempts and keeps the one timer that waits for the next. */
export class RetrySchedule {
  #attempts = 0
  #timer: ReturnType<typeof setTimeout> | undefined

  readonly #options: ResolvedReconnect

  constructor(options: ResolvedReconnect) {
    this.#options = options
  }

  /** The session is up (or a fresh start): the next drop starts from the first delay. */
  reset(): void {
    this.#attempts = 0
  }

  cancel(): void {
    clearTimeout(this.#timer)
  }

  /**
   * Runs `retry` after the next backoff delay; returns the attempt number and the delay, or null
   * once `maxRetries` is spent.
   */
  next(retry: () => void): { attempt: number; delayMs: number } | null {
    this.cancel()
    const attempt = ++this.#attempts
    if (attempt > this.#options.maxRetries) return null
    const delayMs = backoffDelay(attempt, this.#options)
    this.#timer = setTimeout(retry, delayMs)
    return { attempt, delayMs }
  }
}
