/**
 * A fixed-capacity FIFO: pushing into a full buffer drops the oldest item. This is what bounds the
 * log's memory, however long a session runs.
 */
export class RingBuffer<T> {
  private items: (T | undefined)[]
  private start = 0
  private count = 0

  constructor(private capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(
        `capacity must be a positive integer, got ${capacity}`,
      )
    }
    this.items = new Array<T | undefined>(capacity)
  }

  get size(): number {
    return this.count
  }

  get cap(): number {
    return this.capacity
  }

  /** Appends `item`; returns the item it pushed out, if the buffer was full. */
  push(item: T): T | undefined {
    if (this.count < this.capacity) {
      this.items[(this.start + this.count) % this.capacity] = item
      this.count++
      return undefined
    }
    const evicted = this.items[this.start]
    this.items[this.start] = item
    this.start = (this.start + 1) % this.capacity
    return evicted
  }

  /** The `index`-th oldest item. */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.count) return undefined
    return this.items[(this.start + index) % this.capacity]
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.capacity)
    this.start = 0
    this.count = 0
  }

  /** Changes the capacity, keeping the newest items; returns those that no longer fit. */
  resize(capacity: number): T[] {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(
        `capacity must be a positive integer, got ${capacity}`,
      )
    }
    const all = this.toArray()
    const dropped = all.slice(0, Math.max(0, all.length - capacity))
    const kept = all.slice(all.length - Math.min(all.length, capacity))
    this.capacity = capacity
    this.items = new Array<T | undefined>(capacity)
    kept.forEach((item, i) => (this.items[i] = item))
    this.start = 0
    this.count = kept.length
    return dropped
  }

  toArray(): T[] {
    const out = new Array<T>(this.count)
    for (let i = 0; i < this.count; i++) {
      out[i] = this.items[(this.start + i) % this.capacity] as T
    }
    return out
  }
}
