import type { MCPServerOptions } from '@mcp-sse/msw'
import { describe, expect, it } from 'vitest'
import { isMCPError } from '../index'
import { echoTool, ofType, useMockNetwork, waitFor } from './support'

// The client against the msw kit's Streamable HTTP server in each of its dialects and faults.
const net = useMockNetwork()

const countdown = {
  name: 'countdown',
  inputSchema: { type: 'object' as const, properties: {} },
  run: async (
    _args: Record<string, unknown>,
    ctx: { progress(progress: number, total?: number): void },
  ) => {
    for (let step = 1; step <= 3; step++) {
      ctx.progress(step, 3)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    return 'liftoff'
  },
}

function serve(dialect: MCPServerOptions['dialect'] = {}) {
  return net.serve({
    transport: 'streamable-http',
    tools: [echoTool, countdown],
    dialect,
  })
}

function connectTo(server: ReturnType<typeof serve>) {
  return net.client({ url: server.mcpUrl })
}

describe('against the msw kit over Streamable HTTP', () => {
  it('keeps one GET stream and ends the session with DELETE', async () => {
    const server = serve()
    const { client } = connectTo(server)
    await client.connect()
    await waitFor(() => server.openStreams.get === 1, 'the GET stream')
    const session = client.sessionId
    expect(server.sessions).toEqual([session])
    await client.disconnect()
    const deleted = await server.waitForHttpRequest('DELETE')
    expect(deleted.headers['mcp-session-id']).toBe(session)
    expect(server.sessions).toEqual([])
  })

  it('resolves a call through SSE polling: closed after priming, resumed with Last-Event-ID', async () => {
    const server = serve({ closeAfterPriming: true, retry: 30 })
    const { client } = connectTo(server)
    await client.connect()
    const progress: number[] = []
    await expect(
      client.callTool(
        'countdown',
        {},
        { onProgress: (p) => progress.push(p.progress) },
      ),
    ).resolves.toMatchObject({ content: [{ type: 'text', text: 'liftoff' }] })
    expect(progress).toEqual([1, 2, 3])
    const resumed = await server.waitForHttpRequest(
      (r) => r.method === 'GET' && 'last-event-id' in r.headers,
    )
    expect(resumed.status).toBe(200)
  })

  it('resumes an answer stream cut before the answer', async () => {
    const server = serve({ cutBeforeAnswer: 'tools/call', retry: 20 })
    const { client } = connectTo(server)
    await client.connect()
    const progress: number[] = []
    await expect(
      client.callTool(
        'countdown',
        {},
        { onProgress: (p) => progress.push(p.progress) },
      ),
    ).resolves.toMatchObject({ content: [{ text: 'liftoff' }] })
    expect(progress).toEqual([1, 2, 3])
    await server.waitForHttpRequest(
      (r) => r.method === 'GET' && 'last-event-id' in r.headers,
    )
  })

  it('without event ids, a cut call is lost (connection-lost) and a cut list is re-sent', async () => {
    const server = serve({ cutBeforeAnswer: 'tools/call', eventIds: false })
    const { client } = connectTo(server)
    await client.connect()
    const error = await client
      .callTool('echo', { message: 'x' })
      .catch((e: unknown) => e)
    expect(isMCPError(error, 'connection-lost')).toBe(true)
    let lists = 0
    server.setDialect({
      cutBeforeAnswer: (request) =>
        request.method === 'tools/list' && lists++ === 0,
    })
    await expect(client.listTools()).resolves.toMatchObject({
      tools: expect.any(Array),
    })
    expect(lists).toBe(2)
  })

  it('delivers progress sent only on the GET stream to the request it names', async () => {
    const server = serve({ notificationsOn: 'get' })
    const { client } = connectTo(server)
    await client.connect()
    await waitFor(() => server.openStreams.get === 1, 'the GET stream')
    const progress: number[] = []
    await client.callTool(
      'countdown',
      {},
      { onProgress: (p) => progress.push(p.progress) },
    )
    expect(progress).toEqual([1, 2, 3])
  })

  it.each([
    ['stateless JSON', { stateless: true, response: 'json' as const }],
    ['JSON answers', { response: 'json' as const }],
    ['no GET stream (405)', { getStream: false }],
    ['no GET stream (404)', { getStream: 404 as const }],
  ])('works with %s', async (_name, dialect) => {
    const server = serve(dialect)
    const { client } = connectTo(server)
    await client.connect()
    await expect(
      client.callTool('echo', { message: 'hi' }),
    ).resolves.toMatchObject({
      content: [{ text: 'Echo: hi' }],
    })
    expect(client.getSnapshot().status).toBe('ready')
  })

  it('starts a new session when the old one expired, and re-sends the request', async () => {
    const server = serve()
    const { client, wire } = connectTo(server)
    await client.connect()
    const first = client.sessionId
    server.expireSessions()
    await expect(
      client.callTool('echo', { message: 'later' }),
    ).resolves.toMatchObject({
      content: [{ text: 'Echo: later' }],
    })
    expect(client.sessionId).not.toBe(first)
    expect(ofType(wire, 'post').some((p) => p.status === 404)).toBe(true)
  })

  it('takes a notification pushed before the initialize answer, from a slow gateway', async () => {
    const server = serve({ notifyBeforeInitialize: true, firstByteDelay: 300 })
    const { client, wire } = connectTo(server)
    await client.connect()
    const first = ofType(wire, 'message-in')[0]
    expect(first?.message).toHaveProperty('method')
    expect(server.sessions).toHaveLength(1)
  })

  it('sends the negotiated MCP-Protocol-Version on every request after initialize', async () => {
    const server = serve({ requireProtocolVersionHeader: true })
    // Pinned, so that no 2026-07-28 probe (which carries the header) comes first.
    const { client } = net.client({
      url: server.mcpUrl,
      protocolVersion: '2025-11-25',
    })
    await client.connect()
    await client.ping()
    const [initialize, ...later] = server.httpRequests
    expect(initialize?.headers['mcp-protocol-version']).toBeUndefined()
    expect(later.length).toBeGreaterThan(2)
    for (const request of later)
      expect(request.headers['mcp-protocol-version']).toBe('2025-11-25')
    expect(server.httpRequests.filter((r) => r.status === 400)).toEqual([])
  })
})
