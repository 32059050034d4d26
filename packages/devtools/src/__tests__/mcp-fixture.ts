import { createMCPServer, type MCPServer } from '@mcp-sse/msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

/**
 * Simulated HTTP+SSE servers (one per URL) with an echo tool and a tool that answers with
 * markup, served to this test file through one msw `setupServer` (msw allows one at a time).
 */
export function useMockServers<const URLs extends readonly string[]>(
  ...urls: URLs
): { [K in keyof URLs]: MCPServer } {
  const servers = urls.map((url) =>
    createMCPServer({
      url,
      // HTTP+SSE: under Node's fetch, msw's Streamable HTTP GET stream, aborted at disconnect,
      // trips an assertion inside undici. Streamable HTTP is covered against real servers in
      // Chromium (example-app.e2e.test.ts).
      transport: 'sse',
      tools: [
        {
          name: 'echo',
          description: 'Echoes its message',
          inputSchema: {
            type: 'object',
            properties: { message: { type: 'string' } },
            required: ['message'],
          },
          run: ({ message }) => `Echo: ${String(message)}`,
        },
        {
          name: 'markup',
          description: 'Answers with text that looks like HTML',
          run: () => '<img src="x" onerror="window.__pwned = true">bold?</img>',
        },
      ],
    }),
  )
  const mock = setupServer(...servers.flatMap((server) => server.handlers))
  beforeAll(() => mock.listen({ onUnhandledFrame: 'error' }))
  afterEach(() => {
    for (const server of servers) server.reset()
  })
  afterAll(() => mock.close())
  return servers as { [K in keyof URLs]: MCPServer }
}

/** GET streams the server answered: the measure of "no second stream". */
export function getStreams(server: MCPServer): number {
  return server.httpRequests.filter((request) => request.method === 'GET')
    .length
}
