import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMCPServer, JSONRPCError, type MockTool } from '../index.js'
import { connect, post } from './sse-client.js'

const echo: MockTool = {
  name: 'echo',
  description: 'Echoes its message',
  inputSchema: {
    type: 'object',
    properties: { message: { type: 'string' } },
    required: ['message'],
  },
  run: ({ message }) => `Echo: ${String(message)}`,
}

const slow: MockTool = {
  name: 'slow',
  run: async (_args, ctx) => {
    for (let step = 1; step <= 3; step++) {
      if (ctx.signal.aborted) return 'stopped'
      ctx.progress(step, 3, `step ${step}`)
      ctx.log('debug', `debug ${step}`)
      ctx.log('warning', `warning ${step}`, 'slow')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    return {
      content: [{ type: 'text', text: 'done' }],
      structuredContent: { steps: 3 },
    }
  },
}

let cancelledWith: unknown
const waitForCancel: MockTool = {
  name: 'wait',
  run: (_args, ctx) =>
    new Promise((resolve) => {
      ctx.signal.addEventListener('abort', () => {
        cancelledWith = ctx.signal.reason
        resolve('aborted')
      })
    }),
}

const server = createMCPServer({
  serverInfo: { name: 'test-server', version: '2.0.0' },
  instructions: 'Be nice',
  tools: [
    echo,
    slow,
    waitForCancel,
    {
      name: 'broken',
      run: () => {
        throw new Error('disk full')
      },
    },
    {
      name: 'protocol',
      run: () => {
        throw new JSONRPCError(-32603, 'internal')
      },
    },
  ],
  resources: [
    { uri: 'file:///a.txt', name: 'a', mimeType: 'text/plain', text: 'A' },
    { uri: 'file:///b.bin', name: 'b', blob: 'AAEC' },
    { uri: 'file:///c.txt', name: 'c', read: (uri) => `computed ${uri}` },
  ],
  resourceTemplates: [
    {
      uriTemplate: 'users://{id}/profile',
      name: 'user',
      read: (_uri, { id }) => `user ${id ?? ''}`,
    },
  ],
  prompts: [
    {
      name: 'greet',
      arguments: [{ name: 'who', required: true }],
      get: ({ who }) => ({
        messages: [
          {
            role: 'user',
            content: { type: 'text', text: `Hello ${who ?? ''}` },
          },
        ],
      }),
    },
  ],
  complete: ({ argument }) =>
    ['alpha', 'beta', 'alps'].filter((v) => v.startsWith(argument.value)),
})
const msw = setupServer(...server.handlers)

beforeAll(() => msw.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.reset())
afterAll(() => msw.close())

describe('initialize', () => {
  it('echoes a supported protocol version and reports the server', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    const answer = await rpc('initialize', {
      protocolVersion: '2025-03-26',
      capabilities: {},
      clientInfo: { name: 'test', version: '1' },
    })
    expect(answer.result).toEqual({
      protocolVersion: '2025-03-26',
      capabilities: {
        tools: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        prompts: { listChanged: true },
        logging: {},
        completions: {},
      },
      serverInfo: { name: 'test-server', version: '2.0.0' },
      instructions: 'Be nice',
    })
    stream.close()
  })

  it('answers its newest version when the client asks for an unknown one', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    const answer = await rpc('initialize', {
      protocolVersion: '1999-01-01',
      capabilities: {},
    })
    expect(answer.result).toMatchObject({ protocolVersion: '2025-11-25' })
    stream.close()
  })

  it('negotiates within custom versions', async () => {
    const old = createMCPServer({
      url: 'http://old.test',
      protocolVersions: ['2024-11-05'],
    })
    msw.use(...old.handlers)
    const { rpc, stream } = await connect(old.sseUrl)
    const answer = await rpc('initialize', {
      protocolVersion: '2025-11-25',
      capabilities: {},
    })
    expect(answer.result).toMatchObject({ protocolVersion: '2024-11-05' })
    stream.close()
    msw.resetHandlers()
  })
})

describe('tools', () => {
  it('lists tools without their run function', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    const { result } = await rpc('tools/list')
    const tools = (result as { tools: Record<string, unknown>[] }).tools
    expect(tools.map((t) => t.name)).toEqual([
      'echo',
      'slow',
      'wait',
      'broken',
      'protocol',
    ])
    expect(tools[0]).toEqual({
      name: 'echo',
      description: 'Echoes its message',
      inputSchema: echo.inputSchema,
    })
    expect(tools[1]).toEqual({ name: 'slow', inputSchema: { type: 'object' } })
    stream.close()
  })

  it('calls a tool', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    const answer = await rpc('tools/call', {
      name: 'echo',
      arguments: { message: 'hi' },
    })
    expect(answer.result).toEqual({
      content: [{ type: 'text', text: 'Echo: hi' }],
    })
    stream.close()
  })

  it('answers -32602 for an unknown tool or a missing required argument', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    expect((await rpc('tools/call', { name: 'nope' })).error).toMatchObject({
      code: -32602,
    })
    const missing = await rpc('tools/call', { name: 'echo', arguments: {} })
    expect(missing.error).toMatchObject({
      code: -32602,
      message: expect.stringMatching(/message/),
    })
    stream.close()
  })

  it('turns a thrown error into an isError result, and a JSONRPCError into an error', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    expect((await rpc('tools/call', { name: 'broken' })).result).toEqual({
      content: [{ type: 'text', text: 'disk full' }],
      isError: true,
    })
    expect((await rpc('tools/call', { name: 'protocol' })).error).toEqual({
      code: -32603,
      message: 'internal',
    })
    stream.close()
  })

  it('reports progress when a progress token is given, and filters logs by level', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    await rpc('logging/setLevel', { level: 'warning' })
    const answer = await rpc('tools/call', {
      name: 'slow',
      _meta: { progressToken: 'p1' },
    })
    expect(answer.result).toMatchObject({ structuredContent: { steps: 3 } })
    const messages = stream.events
      .filter((e) => e.event === 'message')
      .map(
        (e) =>
          JSON.parse(e.data) as {
            method?: string
            params?: Record<string, unknown>
          },
      )
    const progress = messages.filter(
      (m) => m.method === 'notifications/progress',
    )
    expect(progress.map((m) => m.params)).toEqual([
      { progressToken: 'p1', progress: 1, total: 3, message: 'step 1' },
      { progressToken: 'p1', progress: 2, total: 3, message: 'step 2' },
      { progressToken: 'p1', progress: 3, total: 3, message: 'step 3' },
    ])
    const logs = messages.filter((m) => m.method === 'notifications/message')
    expect(logs.map((m) => m.params)).toEqual(
      [1, 2, 3].map((n) => ({
        level: 'warning',
        data: `warning ${n}`,
        logger: 'slow',
      })),
    )
    stream.close()
  })

  it('sends no progress without a progress token', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    await rpc('tools/call', { name: 'slow' })
    expect(
      stream.events.some((e) => e.data.includes('notifications/progress')),
    ).toBe(false)
    stream.close()
  })

  it('aborts a tool on notifications/cancelled and sends no answer', async () => {
    const { stream, postUrl } = await connect(server.sseUrl)
    await post(postUrl, {
      jsonrpc: '2.0',
      id: 'c1',
      method: 'tools/call',
      params: { name: 'wait' },
    })
    await post(postUrl, {
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 'c1', reason: 'user' },
    })
    // A later request's answer proves the cancelled one was skipped, not just late.
    await post(postUrl, { jsonrpc: '2.0', id: 'after', method: 'ping' })
    await stream.message('after')
    await expect.poll(() => cancelledWith).toBe('user')
    await post(postUrl, { jsonrpc: '2.0', id: 'after2', method: 'ping' })
    await stream.message('after2')
    expect(stream.events.some((e) => e.data.includes('"c1"'))).toBe(false)
    stream.close()
  })

  it('lets a tool ask the client something', async () => {
    const asking = createMCPServer({
      url: 'http://asking.test',
      tools: [
        {
          name: 'ask',
          run: async (_args, ctx) =>
            JSON.stringify(await ctx.request('roots/list')),
        },
      ],
    })
    msw.use(...asking.handlers)
    const { stream, postUrl } = await connect(asking.sseUrl)
    const answer = stream.message(1)
    await post(postUrl, {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'ask' },
    })
    const request = await stream.message('roots/list')
    await post(postUrl, {
      jsonrpc: '2.0',
      id: request.id,
      result: { roots: [] },
    })
    expect((await answer).result).toEqual({
      content: [{ type: 'text', text: '{"roots":[]}' }],
    })
    stream.close()
    msw.resetHandlers()
  })
})

describe('resources, prompts, completion', () => {
  it('lists and reads resources', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    const list = await rpc('resources/list')
    expect(list.result).toEqual({
      resources: [
        { uri: 'file:///a.txt', name: 'a', mimeType: 'text/plain' },
        { uri: 'file:///b.bin', name: 'b' },
        { uri: 'file:///c.txt', name: 'c' },
      ],
    })
    expect(
      (await rpc('resources/read', { uri: 'file:///a.txt' })).result,
    ).toEqual({
      contents: [{ uri: 'file:///a.txt', mimeType: 'text/plain', text: 'A' }],
    })
    expect(
      (await rpc('resources/read', { uri: 'file:///b.bin' })).result,
    ).toEqual({
      contents: [{ uri: 'file:///b.bin', blob: 'AAEC' }],
    })
    expect(
      (await rpc('resources/read', { uri: 'file:///c.txt' })).result,
    ).toEqual({
      contents: [{ uri: 'file:///c.txt', text: 'computed file:///c.txt' }],
    })
    expect(
      (await rpc('resources/read', { uri: 'file:///zzz' })).error,
    ).toMatchObject({
      code: -32002,
    })
    stream.close()
  })

  it('lists templates and reads URIs that fit them', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    expect((await rpc('resources/templates/list')).result).toEqual({
      resourceTemplates: [
        { uriTemplate: 'users://{id}/profile', name: 'user' },
      ],
    })
    expect(
      (await rpc('resources/read', { uri: 'users://42/profile' })).result,
    ).toEqual({
      contents: [{ uri: 'users://42/profile', text: 'user 42' }],
    })
    stream.close()
  })

  it('sends resources/updated only to subscribers', async () => {
    const a = await connect(server.sseUrl)
    const b = await connect(server.sseUrl)
    await a.rpc('resources/subscribe', { uri: 'file:///a.txt' })
    server.updateResource('file:///a.txt')
    const updated = await a.stream.message('notifications/resources/updated')
    expect(updated.params).toEqual({ uri: 'file:///a.txt' })
    await b.rpc('ping')
    expect(
      b.stream.events.some((e) => e.data.includes('resources/updated')),
    ).toBe(false)
    await a.rpc('resources/unsubscribe', { uri: 'file:///a.txt' })
    server.updateResource('file:///a.txt')
    await a.rpc('ping')
    expect(
      a.stream.events.filter((e) => e.data.includes('resources/updated')),
    ).toHaveLength(1)
    a.stream.close()
    b.stream.close()
  })

  it('lists and renders prompts, refusing missing arguments', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    expect((await rpc('prompts/list')).result).toEqual({
      prompts: [
        { name: 'greet', arguments: [{ name: 'who', required: true }] },
      ],
    })
    expect(
      (await rpc('prompts/get', { name: 'greet', arguments: { who: 'Ada' } }))
        .result,
    ).toEqual({
      messages: [
        { role: 'user', content: { type: 'text', text: 'Hello Ada' } },
      ],
    })
    expect((await rpc('prompts/get', { name: 'greet' })).error).toMatchObject({
      code: -32602,
    })
    expect((await rpc('prompts/get', { name: 'nope' })).error).toMatchObject({
      code: -32602,
    })
    stream.close()
  })

  it('completes arguments', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    const answer = await rpc('completion/complete', {
      ref: { type: 'ref/prompt', name: 'greet' },
      argument: { name: 'who', value: 'al' },
    })
    expect(answer.result).toEqual({
      completion: { values: ['alpha', 'alps'], total: 2, hasMore: false },
    })
    stream.close()
  })

  it('answers -32601 for unknown methods and -32602 for a bad log level', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    expect((await rpc('tools/frobnicate')).error).toMatchObject({
      code: -32601,
    })
    expect(
      (await rpc('logging/setLevel', { level: 'loud' })).error,
    ).toMatchObject({ code: -32602 })
    stream.close()
  })
})

describe('pagination', () => {
  it('splits lists into pages linked by nextCursor', async () => {
    const paged = createMCPServer({
      url: 'http://paged.test',
      pageSize: 2,
      tools: ['a', 'b', 'c', 'd', 'e'].map((name) => ({
        name,
        run: () => name,
      })),
    })
    msw.use(...paged.handlers)
    const { rpc, stream } = await connect(paged.sseUrl)
    const names: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const { result } = await rpc(
        'tools/list',
        cursor === undefined ? {} : { cursor },
      )
      const page = result as { tools: { name: string }[]; nextCursor?: string }
      names.push(...page.tools.map((t) => t.name))
      cursor = page.nextCursor
      pages++
    } while (cursor !== undefined)
    expect(names).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(pages).toBe(3)
    expect(
      (await rpc('tools/list', { cursor: 'garbage' })).error,
    ).toMatchObject({ code: -32602 })
    stream.close()
    msw.resetHandlers()
  })
})
