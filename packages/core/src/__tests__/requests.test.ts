import { describe, expect, it } from 'vitest'
import { isMCPError, MCPSSEClient, type Progress } from '../index'
import { echoTool, ofType, useMockNetwork } from './support'

const net = useMockNetwork()

const slowTool = {
  name: 'slow',
  inputSchema: { type: 'object' as const },
  run: async (
    _args: Record<string, unknown>,
    ctx: {
      progress(p: number, t?: number, m?: string): void
      signal: AbortSignal
    },
  ) => {
    for (let step = 1; step <= 5; step++) {
      await new Promise((resolve) => setTimeout(resolve, 40))
      if (ctx.signal.aborted) return { content: [] }
      ctx.progress(step, 5, `step ${step}`)
    }
    return { content: [{ type: 'text' as const, text: 'done' }] }
  },
}

async function ready(options: Parameters<typeof net.client>[0] = {}) {
  const server = net.serve({ tools: [echoTool, slowTool] })
  const { client, wire } = net.client(options)
  await client.connect()
  return { server, client, wire }
}

describe('every request settles', () => {
  it('rejects before connect() with a hint', async () => {
    const client = new MCPSSEClient({ url: 'http://localhost:3001' })
    await expect(client.listTools()).rejects.toMatchObject({
      code: 'not-connected',
      message: expect.stringContaining('connect()'),
    })
  })

  it('times out a request nobody answers, and tells the server', async () => {
    const { server, client } = await ready()
    server.neverAnswer('tools/call')
    const error = await client
      .callTool('echo', { message: 'x' }, { timeout: 50 })
      .catch((e: unknown) => e)
    expect(isMCPError(error, 'timeout')).toBe(true)
    expect((error as Error).message).toMatch(/tools\/call/)
    const cancelled = await server.waitForMessage('notifications/cancelled')
    expect(cancelled.message).toMatchObject({
      params: { requestId: expect.anything() },
    })
  })

  it('aborts through a signal and sends notifications/cancelled', async () => {
    const { server, client } = await ready()
    const controller = new AbortController()
    const call = client.callTool('slow', {}, { signal: controller.signal })
    await server.waitForMessage('tools/call')
    controller.abort(new Error('user clicked cancel'))
    const error = await call.catch((e: unknown) => e)
    expect(isMCPError(error, 'aborted')).toBe(true)
    expect((error as Error).cause).toEqual(new Error('user clicked cancel'))
    await server.waitForMessage('notifications/cancelled')
  })

  it('rejects at once for an already aborted signal, sending nothing', async () => {
    const { server, client } = await ready()
    const before = server.received.length
    await expect(
      client.ping({ signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'aborted' })
    expect(server.received.length).toBe(before)
  })

  it('rejects everything pending with closed on disconnect', async () => {
    const { server, client } = await ready()
    server.neverAnswer('tools/list')
    const list = client.listTools()
    await server.waitForMessage('tools/list')
    await client.disconnect()
    await expect(list).rejects.toMatchObject({ code: 'closed' })
    expect(client.getSnapshot().status).toBe('closed')
  })

  it('turns a JSON-RPC error into an rpc MCPError with its code', async () => {
    const { client } = await ready()
    const error = await client.callTool('nope', {}).catch((e: unknown) => e)
    expect(isMCPError(error, 'rpc')).toBe(true)
    expect((error as { rpcCode?: number }).rpcCode).toBe(-32602)
  })
})

describe('progress', () => {
  it('hands progress to onProgress in order', async () => {
    const { client } = await ready()
    const seen: Progress[] = []
    const result = await client.callTool(
      'slow',
      {},
      { onProgress: (p) => seen.push(p) },
    )
    expect(result.content[0]).toEqual({ type: 'text', text: 'done' })
    expect(seen.map((p) => p.progress)).toEqual([1, 2, 3, 4, 5])
    expect(seen[0]).toEqual({ progress: 1, total: 5, message: 'step 1' })
  })

  it('keeps a request alive while progress arrives when asked to', async () => {
    const { client } = await ready()
    const result = await client.callTool(
      'slow',
      {},
      { timeout: 120, resetTimeoutOnProgress: true, onProgress: () => {} },
    )
    expect(result.content).toHaveLength(1)
  })

  it('still enforces maxTotalTimeout', async () => {
    const { client } = await ready()
    const error = await client
      .callTool(
        'slow',
        {},
        {
          timeout: 120,
          resetTimeoutOnProgress: true,
          maxTotalTimeout: 100,
          onProgress: () => {},
        },
      )
      .catch((e: unknown) => e)
    expect(isMCPError(error, 'timeout')).toBe(true)
  })
})

describe('sending', () => {
  it('sendMessage resolves with the whole response, errors included', async () => {
    const { client } = await ready()
    const ok = await client.sendMessage({
      jsonrpc: '2.0',
      id: 'a',
      method: 'tools/list',
    })
    expect(ok).toMatchObject({ id: 'a', result: { tools: expect.any(Array) } })
    const bad = await client.sendMessage({
      jsonrpc: '2.0',
      id: 'b',
      method: 'no/such',
    })
    expect(bad).toMatchObject({ id: 'b', error: { code: -32601 } })
    await expect(
      client.sendMessage({
        jsonrpc: '2.0',
        method: 'notifications/roots/list_changed',
      }),
    ).resolves.toBeUndefined()
  })

  it('queues requests made while connecting', async () => {
    net.serve()
    const { client } = net.client()
    const connecting = client.connect()
    const ping = client.ping()
    expect(client.getSnapshot().status).toBe('connecting')
    await connecting
    await expect(ping).resolves.toEqual({})
  })

  it('gives concurrent requests distinct ids and matches each answer', async () => {
    const { client, wire } = await ready()
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        client.callTool('echo', { message: String(i) }),
      ),
    )
    expect(results.map((r) => (r.content[0] as { text: string }).text)).toEqual(
      Array.from({ length: 50 }, (_, i) => `Echo: ${i}`),
    )
    const ids = ofType(wire, 'message-out').map((e) =>
      'id' in e.message ? e.message.id : null,
    )
    expect(new Set(ids.filter((id) => id !== null)).size).toBe(
      ids.filter((id) => id !== null).length,
    )
  })

  it('follows nextCursor to list everything', async () => {
    const tools = Array.from({ length: 7 }, (_, i) => ({
      ...echoTool,
      name: `tool-${i}`,
    }))
    net.serve({ tools, pageSize: 3 })
    const { client } = net.client()
    await client.connect()
    expect((await client.listTools()).nextCursor).toBeDefined()
    expect((await client.listAllTools()).map((t) => t.name)).toEqual(
      tools.map((t) => t.name),
    )
  })

  it('delivers notifications to method and wildcard listeners', async () => {
    const { server, client } = await ready()
    const specific: unknown[] = []
    const all: string[] = []
    client.onNotification('notifications/tools/list_changed', (params) =>
      specific.push(params),
    )
    const off = client.onNotification('*', (_params, message) =>
      all.push(message.method),
    )
    server.addTool({ ...echoTool, name: 'second' })
    await client.ping()
    off()
    server.removeTool('second')
    await client.ping()
    expect(specific).toHaveLength(2)
    expect(all).toEqual(['notifications/tools/list_changed'])
  })
})

describe('state', () => {
  it('replaces the snapshot only when something changed', async () => {
    net.serve()
    const { client } = net.client()
    const snapshots = [client.getSnapshot()]
    client.subscribe(() => snapshots.push(client.getSnapshot()))
    await client.connect()
    await client.ping()
    // connecting, then connecting with the session id the endpoint named, then ready.
    expect(snapshots.map((s) => s.status)).toEqual([
      'idle',
      'connecting',
      'connecting',
      'ready',
    ])
    expect(snapshots[2]?.sessionId).toBe(client.sessionId)
    for (let i = 1; i < snapshots.length; i++) {
      expect(snapshots[i]).not.toEqual(snapshots[i - 1])
    }
    expect(Object.isFrozen(client.getSnapshot())).toBe(true)
    expect(client.getSnapshot()).toMatchObject({
      connected: true,
      serverInfo: { name: 'mock-mcp-server' },
      protocolVersion: '2025-11-25',
    })
  })

  it('refuses misuse at construction with the fix in the message', () => {
    expect(() => new MCPSSEClient({ url: '' })).toThrow(/needs a url/)
    expect(
      () =>
        new MCPSSEClient({
          url: 'http://h',
          stream: 'eventsource',
          headers: { a: 'b' },
        }),
    ).toThrow(/cannot send headers/)
    expect(
      () => new MCPSSEClient({ url: 'http://h', requestTimeout: -1 }),
    ).toThrow(/requestTimeout/)
  })
})
