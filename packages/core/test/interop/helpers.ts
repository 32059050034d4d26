import { EventSource } from 'eventsource'
import {
  startServerEverything,
  type RunningServer,
  type ServerEverythingMode,
} from '@mcp-sse/testkit'
import { afterAll, afterEach, beforeAll, onTestFailed } from 'vitest'
import { MCPSSEClient, forgetRememberedTransports } from '../../src/index'
import type { MCPSSEClientOptions, WireEvent } from '../../src/index'

/**
 * The two ways the client reads the stream in Node: fetch streaming (the path a browser takes when
 * headers are needed) and the `eventsource` package standing in for the browser's EventSource.
 */
export const STREAMS = [
  { name: 'fetch', via: 'fetch', options: { stream: 'fetch' } },
  {
    name: 'eventsource',
    via: 'eventsource',
    options: { stream: 'eventsource', EventSource },
  },
] as const satisfies readonly {
  name: string
  via: 'fetch' | 'eventsource'
  options: Partial<MCPSSEClientOptions>
}[]

/** HTTP+SSE read both ways, and Streamable HTTP: for tests whose behaviour is the same on each. */
export const TRANSPORTS = [
  ...STREAMS.map((kind) => ({ ...kind, mode: 'sse' as const })),
  {
    name: 'streamable-http',
    via: 'fetch',
    mode: 'streamableHttp',
    options: {},
  },
] as const satisfies readonly {
  name: string
  via: 'fetch' | 'eventsource'
  mode: ServerEverythingMode
  options: Partial<MCPSSEClientOptions>
}[]

export type StreamKind = (typeof STREAMS)[number] | (typeof TRANSPORTS)[number]

/** The protocol versions the issue names; the server must pick one of them. */
export const SUPPORTED_VERSIONS = [
  '2025-11-25',
  '2025-06-18',
  '2025-03-26',
  '2024-11-05',
]

/** Short backoff so recovery tests take milliseconds, not the default half second and up. */
export const FAST_RECONNECT = { initialDelay: 50, maxDelay: 500 }

/**
 * Polls `predicate` until it returns something truthy and resolves with that; rejects after
 * `timeout` ms with `message`. For conditions that no promise or event announces.
 */
export async function waitFor<T>(
  predicate: () => T | undefined | null | false,
  {
    timeout = 10_000,
    message = 'condition',
  }: { timeout?: number; message?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeout
  for (;;) {
    const value = predicate()
    if (value) return value
    if (Date.now() > deadline) {
      throw new Error(`waitFor: ${message} not met within ${timeout} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Records every wire event of `client` from now on. */
export function recordWire(client: MCPSSEClient): WireEvent[] {
  const events: WireEvent[] = []
  client.onWire((event) => events.push(event))
  return events
}

/** The outgoing JSON-RPC messages in a wire record. */
export function sent(wire: readonly WireEvent[]) {
  return wire.flatMap((event) =>
    event.type === 'message-out' ? [event.message] : [],
  )
}

/** The incoming JSON-RPC messages in a wire record. */
export function received(wire: readonly WireEvent[]) {
  return wire.flatMap((event) =>
    event.type === 'message-in' ? [event.message] : [],
  )
}

/** The id of the first outgoing request with `method`. */
export function requestId(
  wire: readonly WireEvent[],
  method: string,
): string | number | undefined {
  for (const message of sent(wire)) {
    if ('method' in message && message.method === method && 'id' in message) {
      return message.id
    }
  }
  return undefined
}

/** Statuses the client went through, in order, without repeats. */
export function recordStatuses(client: MCPSSEClient): string[] {
  const statuses: string[] = [client.getSnapshot().status]
  client.subscribe(() => {
    const status = client.getSnapshot().status
    if (statuses.at(-1) !== status) statuses.push(status)
  })
  return statuses
}

/**
 * Starts server-everything for the file's tests and stops it after them; makes clients that are
 * disconnected after each test. On a failure the server's output is printed.
 */
export function useServerEverything(mode: ServerEverythingMode = 'sse') {
  let server: RunningServer | undefined
  const clients: MCPSSEClient[] = []

  beforeAll(async () => {
    server = await startServerEverything({ mode })
  })
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.disconnect()))
    // Each test shows detection from the start.
    forgetRememberedTransports()
  })
  afterAll(async () => {
    await server?.stop()
  })

  const current = () => {
    if (!server) throw new Error('the server has not started (see beforeAll)')
    return server
  }

  return {
    get server() {
      return current()
    },
    /** A client for this server reading the stream as `kind` says; disconnected after the test. */
    client(kind: StreamKind, options: Partial<MCPSSEClientOptions> = {}) {
      const running = current()
      onTestFailed(() => {
        console.error(`server-everything output:\n${running.output()}`)
      })
      const client = new MCPSSEClient({
        // HTTP+SSE by its base URL (the seed documents' way), Streamable HTTP by its endpoint.
        url: running.mode === 'sse' ? running.url : running.endpointUrl,
        reconnect: FAST_RECONNECT,
        requestTimeout: 15_000,
        ...kind.options,
        ...options,
      })
      clients.push(client)
      return client
    },
  }
}
