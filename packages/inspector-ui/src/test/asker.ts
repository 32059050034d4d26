import { createMCPServer } from '@mcp-sse/msw'

/**
 * A Streamable HTTP server whose tools ask the client back: what server-everything's
 * trigger-* tools do, in msw, so each card's edge cases can be set up exactly.
 */
export const asker = createMCPServer({
  url: 'http://asker.test',
  transport: 'streamable-http',
  serverInfo: { name: 'asker', version: '1.0.0' },
  tools: [
    {
      name: 'ask-llm',
      description: 'Samples with tools',
      run: async (_args, ctx) => {
        const answer = await ctx.request('sampling/createMessage', {
          messages: [
            {
              role: 'user',
              content: { type: 'text', text: 'What is the weather in Paris?' },
            },
            {
              role: 'assistant',
              content: [
                {
                  type: 'tool_use',
                  id: 'call-1',
                  name: 'get_weather',
                  input: { city: 'Paris' },
                },
              ],
            },
            {
              role: 'user',
              content: [
                {
                  type: 'tool_result',
                  toolUseId: 'call-1',
                  content: [{ type: 'text', text: '18°C, cloudy' }],
                },
              ],
            },
          ],
          systemPrompt: 'You are a weather bot.',
          modelPreferences: {
            hints: [{ name: 'claude-3' }],
            costPriority: 0.2,
            speedPriority: 0.5,
            intelligencePriority: 0.9,
          },
          maxTokens: 321,
          temperature: 0.3,
          stopSequences: ['END'],
          tools: [
            {
              name: 'get_weather',
              description: 'Weather for a city',
              inputSchema: {
                type: 'object',
                properties: { city: { type: 'string' } },
              },
            },
          ],
          toolChoice: { mode: 'required' },
        })
        return JSON.stringify(answer)
      },
    },
    {
      name: 'ask-user',
      run: async (args, ctx) =>
        JSON.stringify(
          await ctx.request('elicitation/create', {
            message: String(args.message ?? 'Who are you?'),
            requestedSchema: {
              type: 'object',
              properties: { name: { type: 'string', title: 'Your name' } },
              required: ['name'],
            },
          }),
        ),
    },
  ],
})
