/**
 * A vanilla store in zustand's shape: `subscribe` + `getSnapshot`, the snapshot replaced only on
 * change so `useSyncExternalStore` re-renders only when something moved.
 */
export class Store<T extends object> {
  #state: T
  readonly #listeners = new Set<() => void>()

  constructor(initial: T) {
    this.#state = initial
  }

  getSnapshot = (): T => this.#state

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
    }
  }

  /** Merges `patch`; does nothing (no new object, no notification) when no field changes. */
  update(patch: Partial<T>): void {
    let changed = false
    for (const key of Object.keys(patch) as (keyof T)[]) {
      if (!Object.is(this.#state[key], patch[key])) {
        changed = true
        break
      }
    }
    if (!changed) return
    this.#state = Object.freeze({ ...this.#state, ...patch })
    for (const listener of [...this.#listeners]) listener()
  }
}
