import type { JSONRPCMessage } from '@mcp-sse/core'
import type { EventStream } from '../event-stream.js'
import {
  commentFrame,
  eventFrame,
  primingFrame,
  retryFrame,
} from '../frames.js'
import type { Outlet } from '../outlet.js'

/** Read at each write, so `setDialect` takes effect on streams already open. */
export interface ReplayFormat {
  eventIds: boolean
  unnamed: boolean
}

/** Splits `<stream>_<n>` into the stream's id and the event's number. */
export function parseEventId(
  id: string,
): { streamId: string; seq: number } | undefined {
  const cut = id.lastIndexOf('_')
  const seq = Number(id.slice(cut + 1))
  if (cut <= 0 || !Number.isInteger(seq) || seq < 0) return undefined
  return { streamId: id.slice(0, cut), seq }
}

/**
 * One Streamable HTTP SSE stream as the protocol sees it: a POST's answer stream or a session's
 * GET stream. It outlives its HTTP connection: with event ids on, what it sends while no
 * connection is attached is kept, and a GET with `Last-Event-ID` replays what came after that id
 * and carries the stream on from there.
 */
export class ReplayStream implements Outlet {
  readonly id: string
  readonly kind: 'get' | 'post'
  private seq = 0
  private readonly history: { seq: number; frame: string }[] = []
  private connection: EventStream | undefined
  private opened = false
  private ended = false
  private readonly format: () => ReplayFormat

  constructor(id: string, kind: 'get' | 'post', format: () => ReplayFormat) {
    this.id = id
    this.kind = kind
    this.format = format
  }

  /** Whether an HTTP connection is carrying the stream right now. */
  get attached(): boolean {
    return this.connection?.isOpen === true
  }

  /** Whether the stream has said all it will (a POST stream after its last answer). */
  get finished(): boolean {
    return this.ended
  }

  /**
   * Carries the stream on `connection`. With `after` (a resumption), first replays every kept
   * event numbered above it. A finished stream closes the connection once replayed.
   */
  attach(connection: EventStream, after?: number): void {
    if (this.connection !== connection) this.connection?.close()
    this.connection = connection
    this.opened = true
    connection.onClose(() => {
      if (this.connection === connection) this.connection = undefined
    })
    if (after !== undefined) {
      for (const event of this.history)
        if (event.seq > after) connection.write(event.frame)
    }
    if (this.ended) connection.close()
  }

  /** The priming event: an id to resume from and empty data, before anything else. */
  prime(retry?: number): void {
    this.connection?.write(primingFrame(`${this.id}_${++this.seq}`, retry))
  }

  /**
   * Makes sure the client's fetch resolves now: msw hands a response over only with its first
   * chunk, where a real server flushes its headers at once. Clients skip comments.
   */
  flush(): void {
    this.connection?.write(commentFrame('open'))
  }

  /**
   * Sends on the open connection. With event ids the event is also kept, and counts as sent once
   * the stream has had a connection: the client holds an id to resume from.
   */
  send(message: JSONRPCMessage): boolean {
    const { eventIds, unnamed } = this.format()
    const event = unnamed ? undefined : 'message'
    const data = JSON.stringify(message)
    if (!eventIds)
      return this.connection?.write(eventFrame(data, event)) ?? false
    const seq = ++this.seq
    const frame = eventFrame(data, event, `${this.id}_${seq}`)
    this.history.push({ seq, frame })
    this.connection?.write(frame)
    return this.opened
  }

  write(text: string): boolean {
    return this.connection?.write(text) ?? false
  }

  /** Closes the connection cleanly but not the stream (SSE polling). */
  cut(): void {
    this.connection?.close()
  }

  /** Breaks the connection off but not the stream (a proxy timeout, a dropped connection). */
  sever(retry?: number): void {
    if (retry !== undefined) this.connection?.write(retryFrame(retry))
    this.connection?.sever()
  }

  /** The stream is over: closes its connection; a later resumption only replays. */
  end(): void {
    this.ended = true
    this.connection?.close()
  }
}
