import { createMCPServer, type MCPServer } from '@mcp-sse/msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

/**
 * A simulated server with two tools, one resource and one prompt, served to this test file
 * through msw, plus a count of the stream GETs it saw (the test of "one stream").
 */
export function useMockMCPServer(url = 'http://localhost:3001'): {
  server: MCPServer
  streamsOpened: (sseUrl?: string) => number
} {
  const server = createMCPServer({
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
  const mockServer = setupServer(...server.handlers)
  const gets: string[] = []
  mockServer.events.on('request:start', ({ request }) => {
    if (request.method === 'GET') gets.push(request.url)
  })
  beforeAll(() => mockServer.listen({ onUnhandledFrame: 'error' }))
  afterEach(() => {
    server.reset()
    gets.length = 0
  })
  afterAll(() => mockServer.close())
  return {
    server,
    streamsOpened: (sseUrl = server.sseUrl) =>
      gets.filter((got) => got === sseUrl).length,
  }
}
