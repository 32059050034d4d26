import type { WireEvent, WireListener } from './wire'

/** Distributes a `WireEvent` without its base fields, which the tap stamps on. */
export type WireEventInput = WireEvent extends infer E
  ? E extends WireEvent
    ? Omit<E, 'time' | 'seq'>
    : never
  : never

/**
 * Fans wire events out to listeners. Producers check `active` before building an event, so a
 * client nobody inspects allocates nothing for the tap on its hot path.
 */
export class WireTap {
  readonly #listeners = new Set<WireListener>()
  #seq = 0

  get active(): boolean {
    return this.#listeners.size > 0
  }

  listen(listener: WireListener): () => void {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
    }
  }

  emit(input: WireEventInput): void {
    if (this.#listeners.size === 0) return
    const event = { ...input, time: Date.now(), seq: ++this.#seq } as WireEvent
    for (const listener of this.#listeners) {
      try {
        listener(event)
      } catch (error) {
        // A broken listener must not break the connection; surface it without stopping the others.
        queueMicrotask(() => {
          throw error
        })
      }
    }
  }
}
