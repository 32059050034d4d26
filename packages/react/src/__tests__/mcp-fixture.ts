import { createMCPServer, type MCPServer } from '@mcp-sse/msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

export interface MockMCPServer {
  server: MCPServer
  /** Stream GETs seen since the test began: the measure of "one stream". */
  streamsOpened: () => number
}

/**
 * Simulated servers (one per URL) with two tools, one resource and one prompt, served to this test
 * file through one msw `setupServer` (msw allows one at a time).
 */
export function useMockMCPServers<const URLs extends readonly string[]>(
  ...urls: URLs
): { [K in keyof URLs]: MockMCPServer } {
  const servers = urls.map(makeServer)
  const mockServer = setupServer(
    ...servers.flatMap((server) => server.handlers),
  )
  const gets: string[] = []
  mockServer.events.on('request:start', ({ request }) => {
    if (request.method === 'GET') gets.push(request.url)
  })
  beforeAll(() => mockServer.listen({ onUnhandledFrame: 'error' }))
  afterEach(() => {
    for (const server of servers) server.reset()
    gets.length = 0
  })
  afterAll(() => mockServer.close())
  return servers.map((server) => ({
    server,
    streamsOpened: () => gets.filter((got) => got === server.sseUrl).length,
  })) as { [K in keyof URLs]: MockMCPServer }
}

export function useMockMCPServer(url = 'http://localhost:3001'): MockMCPServer {
  return useMockMCPServers(url)[0]
}

function makeServer(url: string): MCPServer {
  return createMCPServer({
    url,
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
        name: 'slow',
        description: 'Reports progress three times, then answers',
        run: async (_args, ctx) => {
          for (let step = 1; step <= 3; step++) {
            ctx.progress(step, 3, `step ${String(step)}`)
            await new Promise((resolve) => setTimeout(resolve, 30))
            if (ctx.signal.aborted) break
          }
          return 'done'
        },
      },
    ],
    resources: [
      { uri: 'file:///notes.txt', name: 'notes', text: 'first version' },
    ],
    prompts: [
      {
        name: 'greet',
        arguments: [{ name: 'who', required: true }],
        get: ({ who }) => ({
          messages: [
            {
              role: 'user',
              content: { type: 'text', text: `Hello ${String(who)}` },
            },
          ],
        }),
      },
    ],
  })
}
