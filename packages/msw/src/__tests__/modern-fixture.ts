import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import {
  createMCPServer,
  type MCPServer,
  type MCPServerOptions,
  type MockTool,
} from '../index.js'

export const modernTools: MockTool[] = [
  {
    name: 'echo',
    run: ({ message }) => `Echo: ${String(message)}`,
  },
  {
    name: 'greet',
    run: async (_args, ctx) => {
      const answer = await ctx.request('elicitation/create', {
        mode: 'form',
        message: 'Your name?',
        requestedSchema: {
          type: 'object',
          properties: { name: { type: 'string' } },
        },
      })
      const content = answer.content as { name?: string } | undefined
      return `Hello ${content?.name ?? 'nobody'}`
    },
  },
  {
    name: 'two-questions',
    run: async (_args, ctx) => {
      const first = await ctx.request('elicitation/create', {
        message: 'first?',
      })
      const second = await ctx.request('sampling/createMessage', {
        messages: [],
        maxTokens: 5,
      })
      return JSON.stringify([first, second])
    },
  },
  {
    name: 'confirm',
    run: (_args, ctx) => {
      if (ctx.requestState !== 'asked')
        ctx.inputRequired({ requestState: 'asked' })
      return 'confirmed'
    },
  },
  {
    name: 'query',
    inputSchema: {
      type: 'object',
      properties: {
        region: { type: 'string', 'x-mcp-header': 'Region' },
        limit: { type: 'integer', 'x-mcp-header': 'Limit' },
        sql: { type: 'string' },
      },
    },
    run: ({ region }) => `ran in ${String(region)}`,
  },
  {
    name: 'steps',
    run: async (_args, ctx) => {
      ctx.progress(1, 2)
      ctx.log('debug', 'debug line')
      ctx.log('warning', 'warning line')
      await new Promise((resolve) => setTimeout(resolve, 5))
      ctx.progress(2, 2)
      return 'done'
    },
  },
  {
    name: 'wait',
    run: (_args, ctx) =>
      new Promise((resolve) => {
        ctx.signal.addEventListener('abort', () => {
          aborted.push(ctx.requestId)
          resolve('aborted')
        })
      }),
  },
  {
    name: 'hold',
    run: (_args, ctx) =>
      new Promise((resolve) => {
        ctx.progress(1)
        ctx.signal.addEventListener('abort', () => {
          aborted.push(ctx.requestId)
          resolve('aborted')
        })
      }),
  },
  { name: 'odd', run: () => ({ resultType: 'surprise', content: [] }) },
]

/** Request ids of `wait` calls whose signal fired. */
export const aborted: (string | number)[] = []

/**
 * A 2026-07-28 server at http://localhost:3001 and one msw network for the file; `others`
 * (servers on other origins) share it, since msw runs one network at a time.
 */
export function useModernServer(
  options: MCPServerOptions = {},
  others: MCPServer[] = [],
) {
  const server = createMCPServer({
    protocol: '2026-07-28',
    tools: modernTools,
    resources: [{ uri: 'file:///a.txt', name: 'a', text: 'A' }],
    ...options,
  })
  const network = setupServer(
    ...server.handlers,
    ...others.flatMap((other) => other.handlers),
  )
  beforeAll(() => network.listen({ onUnhandledFrame: 'error' }))
  afterEach(() => {
    server.reset()
    for (const other of others) other.reset()
  })
  afterAll(() => network.close())
  return server
}
