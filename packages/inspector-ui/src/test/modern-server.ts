import { createMCPServer } from '@mcp-sse/msw'

/**
 * A protocol 2026-07-28 server (stateless, `server/discover`, MRTR, `subscriptions/listen`) for
 * the inspector's era, log grouping and header hints.
 */
export const modern = createMCPServer({
  url: 'http://modern.test',
  protocol: '2026-07-28',
  serverInfo: { name: 'modern', version: '2.0.0' },
  tools: [
    {
      name: 'echo',
      inputSchema: {
        type: 'object',
        properties: { message: { type: 'string' } },
      },
      run: ({ message }) => `Echo: ${String(message)}`,
    },
    {
      name: 'regional',
      description: 'Its region travels in a header too',
      inputSchema: {
        type: 'object',
        properties: {
          region: { type: 'string', 'x-mcp-header': 'Region' },
          note: { type: 'string' },
        },
        required: ['region'],
      },
      run: ({ region }) => `Region ${String(region)}`,
    },
    {
      name: 'broken',
      description: 'An x-mcp-header on a number: the client must refuse it',
      inputSchema: {
        type: 'object',
        properties: { ratio: { type: 'number', 'x-mcp-header': 'Ratio' } },
      },
      run: () => 'never',
    },
    {
      name: 'survey',
      description: 'Two rounds of form elicitation',
      run: async (_args, ctx) => {
        const form = (message: string, field: string) => ({
          mode: 'form',
          message,
          requestedSchema: {
            type: 'object',
            properties: { [field]: { type: 'string', title: field } },
            required: [field],
          },
        })
        const name = await ctx.request(
          'elicitation/create',
          form('<b>Name?</b>', 'name'),
        )
        const colour = await ctx.request(
          'elicitation/create',
          form('Colour?', 'colour'),
        )
        const n = (name.content as { name?: string } | undefined)?.name
        const c = (colour.content as { colour?: string } | undefined)?.colour
        return `${String(n)} likes ${String(c)}`
      },
    },
  ],
})
