import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import {
  createMCPServer,
  type MCPServerOptions,
  type MockTool,
} from '../index.js'

export const tools: MockTool[] = [
  {
    name: 'echo',
    inputSchema: {
      type: 'object',
      properties: { message: { type: 'string' } },
      required: ['message'],
    },
    run: ({ message }) => `Echo: ${String(message)}`,
  },
  {
    name: 'steps',
    run: async (_args, ctx) => {
      for (let step = 1; step <= 2; step++) {
        ctx.progress(step, 2, `step ${step}`)
        ctx.log('info', `step ${step}`)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      return 'done'
    },
  },
  {
    name: 'ask',
    run: async (_args, ctx) => {
      const answer = await ctx.request('elicitation/create', {
        message: 'Your name?',
        requestedSchema: { type: 'object', properties: {} },
      })
      return `Hello ${JSON.stringify(answer)}`
    },
  },
  {
    name: 'wait',
    run: (_args, ctx) =>
      new Promise((resolve) => {
        ctx.signal.addEventListener('abort', () => resolve('aborted'))
      }),
  },
]

/** One msw server for the file and a Streamable HTTP server on it, reset after each test. */
export function useStreamableServer(options: MCPServerOptions = {}) {
  const server = createMCPServer({
    transport: 'streamable-http',
    tools,
    ...options,
  })
  const network = setupServer(...server.handlers)
  beforeAll(() => network.listen({ onUnhandledFrame: 'error' }))
  afterEach(() => server.reset())
  afterAll(() => network.close())
  return server
}
