import { getFreePort } from '@mcp-sse/testkit'
import { describe, expect, it } from 'vitest'
import { isMCPError } from '../../src/index'
import {
  STREAMS,
  SUPPORTED_VERSIONS,
  received,
  recordWire,
  requestId,
  sent,
  useServerEverything,
  waitFor,
} from './helpers'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe.each(STREAMS)('server-everything over sse, $name stream', (kind) => {
  const env = useServerEverything()

  it('connects and reports the server and the session', async () => {
    const client = env.client(kind)
    expect(client.getSnapshot().status).toBe('idle')

    const result = await client.connect()

    expect(result.serverInfo.name).toBe('mcp-servers/everything')
    expect(SUPPORTED_VERSIONS).toContain(result.protocolVersion)
    expect(result.capabilities.tools).toBeDefined()
    expect(result.capabilities.logging).toBeDefined()
    const snapshot = client.getSnapshot()
    expect(snapshot).toMatchObject({
      status: 'ready',
      connected: true,
      serverInfo: result.serverInfo,
      protocolVersion: result.protocolVersion,
      error: null,
    })
    expect(snapshot.capabilities).toEqual(result.capabilities)
    expect(snapshot.instructions).toBe(result.instructions ?? null)
    expect(client.connected).toBe(true)
    expect(client.sessionId).toMatch(UUID)
    expect(snapshot.sessionId).toBe(client.sessionId)
    expect(snapshot.endpoint).toBe(
      `${env.server.url}/message?sessionId=${client.sessionId}`,
    )
    // The server logs the session it created for this stream.
    expect(env.server.output()).toContain(client.sessionId)
  })

  it('shows the whole exchange on the wire tap', async () => {
    const client = env.client(kind)
    const wire = recordWire(client)
    await client.connect()

    const index = (type: string) =>
      wire.findIndex((event) => event.type === type)
    const open = wire[index('stream-open')]
    expect(open).toMatchObject({
      type: 'stream-open',
      url: `${env.server.url}/sse`,
      status: 200,
      via: kind.via,
    })
    expect(wire).toContainEqual(
      expect.objectContaining({
        type: 'sse-frame',
        event: 'endpoint',
        data: `/message?sessionId=${client.sessionId}`,
      }),
    )
    const endpoint = wire[index('endpoint')]
    expect(endpoint).toMatchObject({
      type: 'endpoint',
      url: `${env.server.url}/message?sessionId=${client.sessionId}`,
      source: 'event',
    })

    // Given a bare origin, the client first probed for 2026-07-28 and Streamable HTTP: POST / and
    // POST /mcp answered 404 (server-everything's sse mode serves neither; the 404 at the root
    // rules out initialize there), then HTTP+SSE worked.
    expect(
      wire.flatMap((event) =>
        event.type === 'probe'
          ? [
              [
                event.modern ? '2026-07-28' : event.transport,
                event.url,
                event.outcome,
                event.status,
              ],
            ]
          : [],
      ),
    ).toEqual([
      ['2026-07-28', `${env.server.url}/`, 'fallback', 404],
      ['2026-07-28', `${env.server.url}/mcp`, 'fallback', 404],
      ['streamable-http', `${env.server.url}/mcp`, 'fallback', 404],
      ['sse', `${env.server.url}/sse`, 'ok', undefined],
    ])
    const onStream = wire.slice(index('stream-open'))
    const initializeId = requestId(onStream, 'initialize')
    expect(initializeId).toBeDefined()
    const initializePost = wire.findIndex(
      (event, at) =>
        at > index('stream-open') &&
        event.type === 'post' &&
        event.body.includes('"initialize"'),
    )
    expect(wire[initializePost]).toMatchObject({
      type: 'post',
      url: `${env.server.url}/message?sessionId=${client.sessionId}`,
      status: 202,
    })
    const answer = wire.findIndex(
      (event) =>
        event.type === 'message-in' &&
        'id' in event.message &&
        event.message.id === initializeId,
    )
    expect(wire[answer]).toMatchObject({ type: 'message-in', via: 'stream' })
    expect(index('stream-open')).toBeLessThan(index('endpoint'))
    expect(index('endpoint')).toBeLessThan(initializePost)
    // A 'post' event is logged when the POST finishes, which may be after the answer came in on
    // the stream; the request itself ('message-out') always precedes the answer.
    const initializeOut = wire.findIndex(
      (event, at) =>
        at > index('stream-open') &&
        event.type === 'message-out' &&
        'method' in event.message &&
        event.message.method === 'initialize',
    )
    expect(index('endpoint')).toBeLessThan(initializeOut)
    expect(initializeOut).toBeLessThan(answer)
    expect(
      sent(wire).map((message) => 'method' in message && message.method),
    ).toEqual(
      expect.arrayContaining(['initialize', 'notifications/initialized']),
    )

    // Timestamps and sequence numbers let the inspector order what it shows.
    const seqs = wire.map((event) => event.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(new Set(seqs).size).toBe(seqs.length)
    for (const event of wire) expect(event.time).toBeGreaterThan(0)
  })

  it('answers a second connect() with the same session', async () => {
    const client = env.client(kind)
    const wire = recordWire(client)
    const [first, second] = await Promise.all([
      client.connect(),
      client.connect(),
    ])
    expect(second).toEqual(first)
    // One detection (three refused probes), one initialize on the stream.
    expect(wire.filter((event) => event.type === 'probe')).toHaveLength(4)
    expect(
      sent(wire).filter((m) => 'method' in m && m.method === 'initialize'),
    ).toHaveLength(2)
    expect(wire.filter((event) => event.type === 'stream-open')).toHaveLength(1)
  })

  it('pings the server', async () => {
    const client = env.client(kind)
    const wire = recordWire(client)
    await client.connect()
    await expect(client.ping()).resolves.toEqual({})
    const id = requestId(wire, 'ping')
    expect(received(wire)).toContainEqual(
      expect.objectContaining({ id, result: {} }),
    )
  })

  it('sends a raw JSON-RPC request and resolves with its response', async () => {
    const client = env.client(kind)
    await client.connect()
    const response = await client.sendMessage({
      jsonrpc: '2.0',
      id: 'raw-tools-list',
      method: 'tools/list',
    })
    expect(response).toMatchObject({ jsonrpc: '2.0', id: 'raw-tools-list' })
    expect(
      response && 'result' in response ? response.result.tools : null,
    ).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'echo' })]),
    )
  })

  it('rejects a method the server does not know with an rpc error', async () => {
    const client = env.client(kind)
    await client.connect()
    const error: unknown = await client
      .request('no/such-method')
      .catch((e: unknown) => e)
    expect(isMCPError(error, 'rpc')).toBe(true)
    expect(isMCPError(error) && error.rpcCode).toBe(-32601)
  })

  it('times a request out when no answer arrives in time', async () => {
    const client = env.client(kind)
    await client.connect()
    const error: unknown = await client
      .callTool(
        'trigger-long-running-operation',
        { duration: 5, steps: 5 },
        { timeout: 300 },
      )
      .catch((e: unknown) => e)
    expect(isMCPError(error, 'timeout')).toBe(true)
  })

  it('keeps a request alive while progress arrives when asked to', async () => {
    const client = env.client(kind)
    await client.connect()
    const progress: number[] = []
    // Steps of 250 ms against a 1 s timeout: it would expire at 1 s without the resets.
    const result = await client.callTool(
      'trigger-long-running-operation',
      { duration: 2, steps: 8 },
      {
        timeout: 1_000,
        resetTimeoutOnProgress: true,
        onProgress: ({ progress: value }) => progress.push(value),
      },
    )
    expect(progress).toHaveLength(8)
    expect(result.content[0]).toMatchObject({
      type: 'text',
      text: expect.stringContaining('completed'),
    })
  })

  it('disconnects: closes the stream and settles what is pending', async () => {
    const client = env.client(kind)
    const wire = recordWire(client)
    await client.connect()
    const sessionId = client.sessionId
    const pending = client.callTool('trigger-long-running-operation', {
      duration: 10,
      steps: 10,
    })
    await waitFor(() => requestId(wire, 'tools/call') !== undefined, {
      message: 'tools/call sent',
    })

    await client.disconnect()

    const error: unknown = await pending.catch((e: unknown) => e)
    expect(isMCPError(error, 'closed')).toBe(true)
    expect(client.getSnapshot().status).toBe('closed')
    expect(client.connected).toBe(false)
    expect(wire.some((event) => event.type === 'stream-close')).toBe(true)
    // The server saw the stream end: the connection is really gone, not just forgotten.
    await waitFor(
      () => env.server.output().includes(`Client Disconnected:  ${sessionId}`),
      { message: 'the server to log the disconnect' },
    )
    const after: unknown = await client.listTools().catch((e: unknown) => e)
    expect(isMCPError(after, 'not-connected')).toBe(true)
  })
  it('rejects with the HTTP status when the stream path is wrong', async () => {
    const client = env.client(kind, { sseEndpoint: '/no-such-stream' })
    const error: unknown = await client.connect().catch((e: unknown) => e)
    expect(isMCPError(error)).toBe(true)
    expect(isMCPError(error) && error.status).toBe(404)
    expect(client.getSnapshot()).toMatchObject({
      status: 'error',
      connected: false,
    })
    expect(client.getSnapshot().error).toBe(error)
  })

  it('rejects with a network error when nothing listens', async () => {
    const port = await getFreePort()
    const client = env.client(kind, { url: `http://127.0.0.1:${port}` })
    const error: unknown = await client.connect().catch((e: unknown) => e)
    expect(isMCPError(error, 'network')).toBe(true)
    expect(client.getSnapshot().status).toBe('error')
  })
})
