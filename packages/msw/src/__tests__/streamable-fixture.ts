import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import {
  createMCPServer,
  type MCPServer,
  type MCPServerOptions,
  type MockTool,
} from '../index.js'
import { rpcRequest } from './streamable-client.js'

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

/**
 * One msw network for the file and a Streamable HTTP server on it, reset after each test;
 * `others` share the network (msw runs one at a time), before the server's own handlers.
 */
export function useStreamableServer(
  options: MCPServerOptions = {},
  others: MCPServer[] = [],
) {
  const server = createMCPServer({
    transport: 'streamable-http',
    tools,
    ...options,
  })
  const network = setupServer(
    ...others.flatMap((other) => other.handlers),
    ...server.handlers,
  )
  beforeAll(() => network.listen({ onUnhandledFrame: 'error' }))
  afterEach(() => {
    server.reset()
    for (const other of others) other.reset()
  })
  afterAll(() => network.close())
  return server
}

/** A call of the `steps` tool that asks for progress under its own id. */
export const steps = (id: number) =>
  rpcRequest('tools/call', { name: 'steps', _meta: { progressToken: id } }, id)
