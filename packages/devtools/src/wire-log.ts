import type { WireEvent } from '@mcp-sse/core'

/**
 * How many wire events one client's log keeps. Older ones are dropped, so a chatty connection left
 * open all day costs a bounded amount of memory.
 * @defaultValue 1000
 */
export const LOG_CAPACITY = 1000

/**
 * One client's recent wire events, recorded from the moment `<MCPDevtools />` mounts. The panel is
 * loaded lazily and mounted only while open, so this is what it gets, synchronously, as the
 * backlog of each client when it attaches (the inspector's own listener takes over from there).
 */
export class WireLog {
  private buffer: WireEvent[] = []

  push(event: WireEvent): void {
    this.buffer.push(event)
    if (this.buffer.length > LOG_CAPACITY)
      this.buffer.splice(0, this.buffer.length - LOG_CAPACITY)
  }

  /** Everything recorded so far, oldest first: a copy, read at this instant. */
  events(): readonly WireEvent[] {
    return [...this.buffer]
  }

  dispose(): void {
    this.buffer = []
  }
}
