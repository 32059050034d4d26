import type { MCPSSEClient, WireEvent } from '@mcp-sse/core'
import type { ConnectionSource } from './connections'
import { WireLog } from './wire-log'

interface Tap {
  log: WireLog
  stop: () => void
}

/**
 * Listens to the wire tap of every client a source lists, from the moment the client appears (a
 * registry announces a client before connecting it, so the handshake is caught). One recorder per
 * `<MCPDevtools />`: two devtools on a page keep separate logs.
 */
export class WireRecorder {
  private readonly taps = new Map<MCPSSEClient, Tap>()
  private stopSource: (() => void) | null = null

  /** Starts following `source`; returns a function that stops and forgets every log. */
  start(source: ConnectionSource): () => void {
    this.stopSource?.()
    const sync = () => this.sync(source)
    const unsubscribe = source.subscribe(sync)
    sync()
    this.stopSource = unsubscribe
    return () => {
      unsubscribe()
      if (this.stopSource === unsubscribe) this.stopSource = null
      for (const tap of this.taps.values()) {
        tap.stop()
        tap.log.dispose()
      }
      this.taps.clear()
    }
  }

  /**
   * What `client` sent and received since it was followed, oldest first, read synchronously: the
   * backlog the panel's inspector puts before its own live log. A client not followed yet is
   * followed from now on.
   */
  backlogOf = (client: MCPSSEClient): readonly WireEvent[] =>
    this.tap(client).log.events()

  private sync(source: ConnectionSource): void {
    const live = new Set(source.getSnapshot().map(({ client }) => client))
    for (const client of live) this.tap(client)
    for (const [client, tap] of this.taps) {
      if (live.has(client)) continue
      tap.stop()
      tap.log.dispose()
      this.taps.delete(client)
    }
  }

  private tap(client: MCPSSEClient): Tap {
    let tap = this.taps.get(client)
    if (!tap) {
      const log = new WireLog()
      tap = { log, stop: client.onWire((event) => log.push(event)) }
      this.taps.set(client, tap)
    }
    return tap
  }
}
