import { untilAborted } from './interact'

/**
 * Hands the popup that `signIn()` opened (inside a click, so the browser allows it) to the sign-in
 * that shows the authorization page, whether that sign-in is already waiting or starts now.
 */
export class SignInGate {
  #popup: Window | null = null
  /** A `signIn()` came before the sign-in needed its popup, and the browser blocked that popup. */
  #blocked = false
  readonly #waiters = new Set<(popup: Window | null) => void>()

  /**
   * Called by `signIn()`. `showing` says a sign-in already shows its page (in its own popup):
   * then this one is not needed. Otherwise it waits for the sign-in to reach that step.
   */
  offer(popup: Window | null, showing: boolean): void {
    if (this.#waiters.size > 0) {
      for (const waiter of this.#waiters) waiter(popup)
      this.#waiters.clear()
    } else if (showing) popup?.close()
    else {
      this.#popup?.close()
      this.#popup = popup
      this.#blocked = popup === null
    }
  }

  /** The offered popup, if one waits to be used. */
  take(): Window | null {
    const popup = this.#popup
    this.#popup = null
    return popup
  }

  /** Resolves with the popup the next `signIn()` opens (null when it was blocked). */
  next(signal: AbortSignal): Promise<Window | null> {
    // The click already happened and its popup was blocked: waiting for another would leave the
    // user with a button that does nothing; go on without a popup (a full-page redirect).
    if (this.#blocked) {
      this.#blocked = false
      return Promise.resolve(null)
    }
    return untilAborted(
      new Promise((resolve) => {
        this.#waiters.add(resolve)
        signal.addEventListener('abort', () => this.#waiters.delete(resolve), {
          once: true,
        })
      }),
      signal,
    )
  }

  /** Closes a popup nobody used. */
  release(): void {
    this.#blocked = false
    this.take()?.close()
  }
}
