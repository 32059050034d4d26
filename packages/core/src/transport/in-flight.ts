/**
 * One AbortController per POST in flight, so closing a transport cuts them all. Not one shared
 * signal: fetch adds a listener to the signal per request and drops it only at garbage
 * collection, so a shared one collects thousands and every POST pays for walking them.
 */
export class InFlight {
  readonly #controllers = new Set<AbortController>()

  /** A signal for one request; call `done` with it when the request has its answer. */
  start(): AbortController {
    const controller = new AbortController()
    this.#controllers.add(controller)
    return controller
  }

  done(controller: AbortController): void {
    this.#controllers.delete(controller)
  }

  abortAll(): void {
    for (const controller of this.#controllers) controller.abort()
    this.#controllers.clear()
  }
}
