import type { MCPServerOptions, MockTool } from '@mcp-sse/msw'
import { useMockNetwork } from './support'

/** Tools of a 2026-07-28 test server: input through MRTR, mirrored headers, progress, waiting. */
export const modernTools: MockTool[] = [
  { name: 'echo', run: ({ message }) => `Echo: ${String(message)}` },
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
      const first = await ctx.request('elicitation/create', { message: '1?' })
      const second = await ctx.request('sampling/createMessage', {
        messages: [],
        maxTokens: 5,
      })
      return JSON.stringify([first.content, second.content])
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
        opts: {
          type: 'object',
          properties: { limit: { type: 'integer', 'x-mcp-header': 'Limit' } },
        },
        sql: { type: 'string' },
      },
    },
    run: ({ region }) => `ran in ${String(region)}`,
  },
  {
    name: 'broken-headers',
    inputSchema: {
      type: 'object',
      properties: {
        list: {
          type: 'array',
          items: { type: 'string', 'x-mcp-header': 'Item' },
        },
      },
    },
    run: () => 'should never run',
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
        ctx.progress(1)
        ctx.signal.addEventListener('abort', () => resolve('aborted'))
      }),
  },
  { name: 'odd', run: () => ({ resultType: 'surprise', content: [] }) },
]

/** A mock network with a helper for 2026-07-28 servers at http://localhost:3001/mcp. */
export function useModernNetwork() {
  const net = useMockNetwork()
  return {
    ...net,
    serveModern(options: MCPServerOptions = {}) {
      return net.serve({
        protocol: '2026-07-28',
        tools: modernTools,
        resources: [{ uri: 'file:///a.txt', name: 'a', text: 'A' }],
        ...options,
      })
    },
  }
}
