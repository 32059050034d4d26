import { describe, expect, it } from 'vitest'
import { isMCPError, MCPSSEClient } from '../index'
import { ofType, useMockNetwork, waitFor } from './support'

const net = useMockNetwork()

async function ready(options = {}) {
  const server = net.serve(options)
  const { client, wire } = net.client()
  await client.connect()
  return { server, client, wire }
}

describe('bad frames never break the client', () => {
  it('reports malformed JSON and non-JSON-RPC frames on the wire and keeps working', async () => {
    const { server, client, wire } = await ready()
    server.sendRaw('event: message\ndata: {not json\n\n')
    server.sendRaw('event: message\ndata: {"hello":"world"}\n\n')
    server.sendRaw('event: message\ndata: [1,2]\n\n')
    expect(
      (await client.callTool('echo', { message: 'still' })).content[0],
    ).toEqual({
      type: 'text',
      text: 'Echo: still',
    })
    const errors = ofType(wire, 'parse-error').map((e) => e.data)
    expect(errors).toEqual(['{not json', '{"hello":"world"}', '[1,2]'])
    expect(client.getSnapshot().status).toBe('ready')
  })

  it('reports answers for unknown ids and second answers as unmatched', async () => {
    const { server, client, wire } = await ready()
    const { id } = await client.sendMessage({
      jsonrpc: '2.0',
      id: 'mine',
      method: 'ping',
    })
    expect(id).toBe('mine')
    server.sendRaw(
      'event: message\ndata: {"jsonrpc":"2.0","id":"mine","result":{}}\n\n',
    )
    server.sendRaw(
      'event: message\ndata: {"jsonrpc":"2.0","id":999999,"result":{}}\n\n',
    )
    await waitFor(
      () => ofType(wire, 'unmatched-response').length === 2,
      'two unmatched answers',
    )
    expect(ofType(wire, 'unmatched-response').map((e) => e.reason)).toEqual([
      'duplicate',
      'unknown-id',
    ])
    await client.ping()
  })
})

describe('HTTP failures reject with MCPError and a status', () => {
  it.each([
    [404, 'http', /sseEndpoint/],
    [500, 'http', /500/],
    [403, 'unauthorized', /headers/],
  ] as const)(
    'a stream answered %i fails connect with %s',
    async (status, code, hint) => {
      const server = net.serve()
      server.fail({ stream: status })
      const { client } = net.client()
      const error = await client.connect().catch((e: unknown) => e)
      expect(isMCPError(error, code)).toBe(true)
      expect((error as { status?: number }).status).toBe(status)
      expect((error as Error).message).toMatch(hint)
      expect(client.getSnapshot()).toMatchObject({ status: 'error', error })
    },
  )

  it('a POST answered 500 rejects that request and leaves the session up', async () => {
    const { server, client } = await ready()
    server.fail({ post: 500, times: 1 })
    const error = await client
      .callTool('echo', { message: 'x' })
      .catch((e: unknown) => e)
    expect(isMCPError(error, 'http')).toBe(true)
    expect((error as { status?: number }).status).toBe(500)
    await client.ping()
  })

  it('a POST that gets no answer while the stream stays up rejects with network', async () => {
    const { server, client } = await ready()
    server.fail({ post: 'network', times: 1 })
    const error = await client.listTools().catch((e: unknown) => e)
    expect(isMCPError(error, 'network')).toBe(true)
    expect(client.getSnapshot().status).toBe('ready')
    await client.ping()
  })

  it('explains a server with the wrong content type', async () => {
    // A server on the origin (it answers the transport probe's POST with 404) whose /sse is a page.
    net.serve()
    net.network.use(
      ...[
        (await import('msw')).http.get(
          'http://localhost:3001/sse',
          () =>
            new Response('<html>login</html>', {
              headers: { 'Content-Type': 'text/html' },
            }),
        ),
      ],
    )
    const { client } = net.client()
    const error = await client.connect().catch((e: unknown) => e)
    expect(isMCPError(error, 'bad-content-type')).toBe(true)
    expect((error as Error).message).toContain("'text/html'")
  })

  it('a dead server fails fast with a network error that says so', async () => {
    const client = new MCPSSEClient({
      url: 'http://127.0.0.1:9/',
      stream: 'fetch',
    })
    const error = await client.connect().catch((e: unknown) => e)
    expect(isMCPError(error, 'network')).toBe(true)
    expect((error as Error).message).toMatch(/refused|reach/)
    await expect(client.ping()).rejects.toMatchObject({ code: 'not-connected' })
  })
})

describe('recovery', () => {
  it('starts a new session when a POST finds its session expired, and retries the request', async () => {
    const { server, client, wire } = await ready()
    const first = client.sessionId
    server.expireSessions()
    const result = await client.callTool('echo', { message: 'again' })
    expect(result.content[0]).toEqual({ type: 'text', text: 'Echo: again' })
    expect(client.sessionId).not.toBe(first)
    expect(ofType(wire, 'post').some((p) => p.status === 404)).toBe(true)
    // The call reached the new session exactly once.
    const calls = server.received.filter(
      (r) => 'method' in r.message && r.message.method === 'tools/call',
    )
    expect(calls.map((c) => c.sessionId)).toEqual([client.sessionId])
  })

  it('reconnects after the stream drops and re-sends requests safe to repeat', async () => {
    const { server, client, wire } = await ready()
    server.neverAnswer('tools/list')
    const list = client.listTools()
    const call = client.callTool('echo', { message: 'lost' })
    await server.waitForMessage('tools/list')
    server.neverAnswer('tools/call')
    await server.waitForMessage('tools/call')
    server.neverAnswer(false)
    server.dropStreams()
    await expect(call).rejects.toMatchObject({ code: 'connection-lost' })
    expect((await list).tools).toHaveLength(1)
    expect(client.getSnapshot()).toMatchObject({
      status: 'ready',
      reconnectAttempt: 0,
      error: null,
    })
    expect(ofType(wire, 'retry')[0]).toMatchObject({ attempt: 1 })
  })

  it('a drop while re-initializing fails that attempt once and leaks no stream', async () => {
    const { server, client, wire } = await ready()
    server.neverAnswer('initialize')
    const before = server.received.length
    server.dropStreams()
    await server.waitForMessage(
      (r) =>
        server.received.indexOf(r) >= before &&
        'method' in r.message &&
        r.message.method === 'initialize',
    )
    server.dropStreams()
    server.neverAnswer(false)
    await waitFor(() => client.getSnapshot().status === 'ready', 'ready again')
    await client.ping()
    // One retry for the drop, one for the failed attempt: no attempt runs twice.
    expect(ofType(wire, 'retry').map((r) => r.attempt)).toEqual([1, 2])
    expect(server.sessions).toEqual([client.sessionId])
  })

  it('holds requests made while reconnecting until the new session is ready', async () => {
    const { server, client } = await ready()
    server.fail({ stream: 503, times: 2 })
    server.dropStreams()
    await waitFor(
      () => client.getSnapshot().status === 'reconnecting',
      'reconnecting',
    )
    const ping = client.ping()
    await expect(ping).resolves.toEqual({})
    expect(client.getSnapshot().status).toBe('ready')
  })

  it('treats a silent stream as dropped when keepAliveTimeout is set', async () => {
    net.serve()
    const { client, wire } = net.client({ keepAliveTimeout: 100 })
    await client.connect()
    const first = client.sessionId
    await waitFor(
      () => ofType(wire, 'retry').length > 0,
      'a retry after silence',
    )
    expect(ofType(wire, 'retry')[0]?.reason).toMatch(/keepAliveTimeout/)
    await waitFor(
      () =>
        client.getSnapshot().status === 'ready' && client.sessionId !== first,
      'a new session',
    )
  })

  it('stays up while heartbeats arrive within keepAliveTimeout', async () => {
    net.serve({ dialect: { heartbeat: { intervalMs: 20, as: 'comment' } } })
    const { client, wire } = net.client({ keepAliveTimeout: 150 })
    await client.connect()
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(ofType(wire, 'retry')).toEqual([])
  })

  it('reports error and rejects waiting requests when reconnection is off', async () => {
    const server = net.serve()
    const { client } = net.client({ reconnect: false })
    await client.connect()
    server.neverAnswer('tools/list')
    const list = client.listTools()
    await server.waitForMessage('tools/list')
    server.dropStreams()
    await expect(list).rejects.toMatchObject({ code: 'connection-lost' })
    expect(client.getSnapshot().status).toBe('error')
  })
})

describe('server-to-client requests', () => {
  it('answers ping itself and unknown methods with -32601', async () => {
    const { server } = await ready()
    await expect(server.request('ping')).resolves.toEqual({})
    await expect(server.request('sampling/createMessage', {})).rejects.toThrow(
      /not found/i,
    )
  })

  it('routes roots/list to the registered handler and announces the capability', async () => {
    const server = net.serve()
    const { client } = net.client()
    client.setRequestHandler('roots/list', () => ({
      roots: [{ uri: 'file:///work', name: 'work' }],
    }))
    await client.connect()
    const init = server.received.find(
      (r) => 'method' in r.message && r.message.method === 'initialize',
    )
    expect(init?.message).toMatchObject({
      params: { capabilities: { roots: { listChanged: true } } },
    })
    await expect(server.request('roots/list')).resolves.toEqual({
      roots: [{ uri: 'file:///work', name: 'work' }],
    })
  })
})
