import { afterEach, onTestFailed } from 'vitest'
import { MCPSSEClient } from '../../src/index'
import type {
  JSONRPCRequest,
  MCPSSEClientOptions,
  WireEvent,
} from '../../src/index'
import { FAST_RECONNECT, sent } from './helpers'

/** Makes clients for a file's tests and disconnects them after each test. */
export function useClients() {
  const clients: MCPSSEClient[] = []
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.disconnect()))
  })
  return (options: MCPSSEClientOptions) => {
    const made = new MCPSSEClient({
      reconnect: FAST_RECONNECT,
      requestTimeout: 15_000,
      ...options,
    })
    clients.push(made)
    return made
  }
}

export const posts = (wire: readonly WireEvent[]) =>
  wire.flatMap((event) => (event.type === 'post' ? [event] : []))

/** Each detection attempt: URL, which handshake, outcome. */
export const probes = (wire: readonly WireEvent[]) =>
  wire.flatMap((event) =>
    event.type === 'probe'
      ? [[event.url, event.modern ? 'modern' : 'initialize', event.outcome]]
      : [],
  )

export const sentMethods = (wire: readonly WireEvent[]) =>
  sent(wire).flatMap((m) => ('method' in m ? [m.method] : []))

/** The `tools/call` requests sent for tool `name`, in order (one per round). */
export const calls = (wire: readonly WireEvent[], name: string) =>
  sent(wire).filter(
    (m): m is JSONRPCRequest =>
      'method' in m &&
      'id' in m &&
      m.method === 'tools/call' &&
      m.params?.name === name,
  )

/** On a failure, every POST of the test as the client saw it: the evidence for a report. */
export function dumpOnFailure(wire: readonly WireEvent[]) {
  onTestFailed(() => {
    for (const post of posts(wire))
      console.error(
        `POST ${post.url} -> ${post.status}\n  ${JSON.stringify(post.headers)}\n  ${post.body}`,
      )
  })
}
