import {
  acceptedContent,
  fromJsonSchema,
  inputRequired,
  McpServer,
  type CallToolResult,
  type InputRequiredResult,
  type McpRequestContext,
  type ServerNotifier,
} from '@modelcontextprotocol/server'

/** The resource `bump` updates. */
export const COUNTER_URI = 'test://counter'

/** What outlives one request: the SDK builds a fresh server instance for every request. */
export interface V2State {
  /** Tools that `add-tool` added, registered on every later instance. */
  added: string[]
  counter: number
  /** Ids of `sleep` calls whose request signal the SDK aborted. */
  cancelled: string[]
  notify(): ServerNotifier
}

type Text = { content: [{ type: 'text'; text: string }] }
const text = (value: string): Text => ({
  content: [{ type: 'text', text: value }],
})

const objectOf = <T>(
  properties: Record<string, Record<string, unknown>>,
  required: string[] = [],
) => fromJsonSchema<T>({ type: 'object', properties, required })

const ask = (message: string, field: string) => ({
  message,
  requestedSchema: {
    type: 'object' as const,
    properties: { [field]: { type: 'string' as const } },
    required: [field],
  },
})

/** The elicitation answer under `key`, if the client sent one; undefined in the first round. */
const answered = (
  responses: Record<string, unknown> | undefined,
  key: string,
) => responses?.[key] as { action?: string } | undefined

/** Tools that ask the client for input: on 2026-07-28 by `input_required`, on 2025 by push. */
function registerAsking(server: McpServer, era: McpRequestContext['era']) {
  server.registerTool(
    'greet',
    { description: 'Asks for a name (form elicitation), then greets it.' },
    async (ctx): Promise<CallToolResult | InputRequiredResult> => {
      const question = ask('What is your name?', 'name')
      if (era === 'legacy') {
        const answer = await ctx.mcpReq.elicitInput({
          mode: 'form',
          ...question,
        })
        return text(`Hello ${String(answer.content?.name ?? answer.action)}`)
      }
      const responses = ctx.mcpReq.inputResponses
      const form = acceptedContent<{ name: string }>(responses, 'name')
      if (form) return text(`Hello ${form.name}`)
      const response = answered(responses, 'name')
      if (response) return text(`No name (${String(response.action)})`)
      return inputRequired({
        inputRequests: { name: inputRequired.elicit(question) },
      })
    },
  )
  server.registerTool(
    'survey',
    {
      description:
        'Two rounds: asks a name, then (carrying it in requestState) a colour.',
    },
    (ctx): CallToolResult | InputRequiredResult => {
      const responses = ctx.mcpReq.inputResponses
      const name =
        ctx.mcpReq.requestState<string>() ??
        acceptedContent<{ name: string }>(responses, 'name')?.name
      if (name === undefined)
        return inputRequired({
          inputRequests: { name: inputRequired.elicit(ask('Name?', 'name')) },
        })
      const colour = acceptedContent<{ colour: string }>(responses, 'colour')
      if (colour === undefined)
        return inputRequired({
          requestState: name,
          inputRequests: {
            colour: inputRequired.elicit(ask(`Colour, ${name}?`, 'colour')),
          },
        })
      return text(`${name} likes ${colour.colour}`)
    },
  )
}

/** One server instance of the v2 test server, for the era the SDK classified the request as. */
export function buildV2Server(
  state: V2State,
  { era }: McpRequestContext,
): McpServer {
  const server = new McpServer(
    { name: 'mcp-sse-v2-test-server', version: '2.4.0' },
    { capabilities: { resources: { subscribe: true, listChanged: true } } },
  )
  server.registerTool(
    'echo',
    {
      description: 'Answers with the message it was given.',
      inputSchema: objectOf<{ message: string }>(
        { message: { type: 'string' } },
        ['message'],
      ),
    },
    ({ message }) => text(message),
  )
  server.registerTool(
    'regional',
    {
      description:
        'Answers with its region, which the client mirrors into Mcp-Param-Region.',
      inputSchema: objectOf<{ region: string }>(
        { region: { type: 'string', 'x-mcp-header': 'Region' } },
        ['region'],
      ),
    },
    ({ region }) => text(region),
  )
  registerAsking(server, era)
  server.registerTool(
    'countdown',
    {
      description:
        'Reports progress once per step (20 ms apart), then answers.',
      inputSchema: objectOf<{ steps?: number }>({ steps: { type: 'number' } }),
    },
    async ({ steps = 3 }, ctx) => {
      const token = ctx.mcpReq._meta?.progressToken
      for (let step = 1; step <= steps; step++) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        if (token !== undefined)
          await ctx.mcpReq.notify({
            method: 'notifications/progress',
            params: { progressToken: token, progress: step, total: steps },
          })
      }
      return text('liftoff')
    },
  )
  server.registerTool(
    'sleep',
    {
      description:
        'Answers after `ms` unless cancelled; with a progress token it first reports progress 0, which makes its answer an SSE stream.',
      inputSchema: objectOf<{ ms: number }>({ ms: { type: 'number' } }, ['ms']),
    },
    async ({ ms }, ctx) => {
      const { signal, _meta } = ctx.mcpReq
      if (_meta?.progressToken !== undefined)
        await ctx.mcpReq.notify({
          method: 'notifications/progress',
          params: { progressToken: _meta.progressToken, progress: 0 },
        })
      const slept = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), ms)
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer)
            resolve(false)
          },
          { once: true },
        )
      })
      if (!slept) state.cancelled.push(String(ctx.mcpReq.id))
      return text(slept ? 'awake' : 'cancelled')
    },
  )
  server.registerTool(
    'add-tool',
    {
      description:
        'Adds a tool named `name` and announces notifications/tools/list_changed.',
      inputSchema: objectOf<{ name: string }>({ name: { type: 'string' } }, [
        'name',
      ]),
    },
    ({ name }) => {
      if (!state.added.includes(name)) state.added.push(name)
      state.notify().toolsChanged()
      return text(`added ${name}`)
    },
  )
  for (const name of state.added)
    server.registerTool(name, { description: 'Added by add-tool.' }, () =>
      text(name),
    )
  server.registerTool(
    'bump',
    { description: `Increments ${COUNTER_URI} and announces its update.` },
    () => {
      state.counter += 1
      state.notify().resourceUpdated(COUNTER_URI)
      return text(String(state.counter))
    },
  )
  server.registerResource(
    'counter',
    COUNTER_URI,
    { mimeType: 'text/plain', description: 'A number that `bump` increments.' },
    (uri) => ({ contents: [{ uri: uri.href, text: String(state.counter) }] }),
  )
  return server
}
