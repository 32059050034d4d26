import { createMCPServer, type MCPServerOptions } from '@mcp-sse/msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import {
  MCPSSEClient,
  forgetRememberedTransports,
  type MCPSSEClientOptions,
  type WireEvent,
} from '../index'

/** One msw server for the file; each test installs its own simulated MCP server with `serve`. */
export function useMockNetwork() {
  const network = setupServer()
  const clients: MCPSSEClient[] = []
  beforeAll(() => network.listen({ onUnhandledFrame: 'bypass' }))
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.disconnect()))
    network.resetHandlers()
    // Each test serves its own kind of server at the same URL.
    forgetRememberedTransports()
  })
  afterAll(() => network.close())

  return {
    network,
    /** Installs a simulated server; returns its controls. */
    serve(options: MCPServerOptions = {}) {
      const server = createMCPServer({ tools: [echoTool], ...options })
      network.use(...server.handlers)
      return server
    },
    /** A client that is disconnected after the test, with its wire events recorded. */
    client(options: Partial<MCPSSEClientOptions> = {}) {
      const client = new MCPSSEClient({
        url: 'http://localhost:3001',
        stream: 'fetch',
        endpointTimeout: 200,
        reconnect: { initialDelay: 20, maxDelay: 100 },
        ...options,
      })
      const wire: WireEvent[] = []
      client.onWire((event) => wire.push(event))
      clients.push(client)
      return { client, wire }
    },
  }
}

export const echoTool = {
  name: 'echo',
  description: 'Echoes its message',
  inputSchema: {
    type: 'object' as const,
    properties: { message: { type: 'string' } },
    required: ['message'],
  },
  run: (args: Record<string, unknown>) => ({
    content: [{ type: 'text' as const, text: `Echo: ${String(args.message)}` }],
  }),
}

/** Waits until `predicate` holds, polling; fails with `what` after `timeout` ms. */
export async function waitFor(
  predicate: () => boolean,
  what: string,
  timeout = 5000,
): Promise<void> {
  const started = Date.now()
  while (!predicate()) {
    if (Date.now() - started > timeout) {
      throw new Error(`Timed out waiting for ${what}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

export function ofType<T extends WireEvent['type']>(
  wire: WireEvent[],
  type: T,
): Extract<WireEvent, { type: T }>[] {
  return wire.filter(
    (event): event is Extract<WireEvent, { type: T }> => event.type === type,
  )
}
