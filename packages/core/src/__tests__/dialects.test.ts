import { describe, expect, it } from 'vitest'
import { isMCPError } from '../index'
import { ofType, useMockNetwork } from './support'

const net = useMockNetwork()

describe('endpoint discovery', () => {
  it.each(['relative', 'absolute', 'json'] as const)(
    'follows an endpoint event given as %s',
    async (endpoint) => {
      const server = net.serve({ dialect: { endpoint } })
      const { client, wire } = net.client()
      await client.connect()
      expect(client.sessionId).toBe(server.sessions[0])
      expect(client.getSnapshot().endpoint).toBe(
        `http://localhost:3001/message?sessionId=${server.sessions[0]}`,
      )
      expect(ofType(wire, 'endpoint')[0]?.source).toBe('event')
      const result = await client.callTool('echo', { message: 'hi' })
      expect(result.content).toEqual([{ type: 'text', text: 'Echo: hi' }])
      expect(server.received.at(-1)?.sessionId).toBe(server.sessions[0])
    },
  )

  it('falls back to postEndpoint when the server names no endpoint', async () => {
    const server = net.serve({
      dialect: { endpoint: 'none', answers: 'post-body' },
    })
    const { client, wire } = net.client({ endpointTimeout: 50 })
    await client.connect()
    expect(ofType(wire, 'endpoint')[0]).toMatchObject({
      source: 'fallback',
      url: 'http://localhost:3001/message',
    })
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual([
      'echo',
    ])
    expect(
      server.received.some(
        (r) =>
          r.message &&
          'method' in r.message &&
          r.message.method === 'tools/list',
      ),
    ).toBe(true)
  })

  it('falls back at once when another frame arrives before any endpoint event', async () => {
    net.serve({
      dialect: {
        endpoint: 'none',
        answers: 'post-body',
        greeting: '{"status":"connected"}',
      },
    })
    // A long grace period that the greeting must cut short.
    const { client, wire } = net.client({ endpointTimeout: 20_000 })
    const started = Date.now()
    await client.connect()
    expect(Date.now() - started).toBeLessThan(5000)
    expect(ofType(wire, 'parse-error')[0]?.data).toBe('{"status":"connected"}')
  })

  it('takes a session id delivered inside a message and POSTs with it', async () => {
    const server = net.serve({
      dialect: { endpoint: 'none', sessionIdInMessage: true },
    })
    const { client, wire } = net.client({ endpointTimeout: 20_000 })
    await client.connect()
    expect(client.sessionId).toBe(server.sessions[0])
    expect(ofType(wire, 'endpoint').at(-1)).toMatchObject({
      source: 'message',
      url: `http://localhost:3001/message?sessionId=${server.sessions[0]}`,
    })
    await client.ping()
  })

  it('uses custom stream and POST paths, given as a base URL or as the stream URL', async () => {
    const server = net.serve({
      url: 'http://localhost:3001/api/mcp',
      ssePath: '/events',
      postPath: '/rpc',
      dialect: { endpoint: 'none', answers: 'post-body' },
    })
    for (const url of [
      'http://localhost:3001/api/mcp',
      'http://localhost:3001/api/mcp/events',
    ]) {
      const { client } = net.client({
        url,
        sseEndpoint: '/events',
        postEndpoint: '/rpc',
        endpointTimeout: 10,
      })
      await client.connect()
      expect(client.getSnapshot().endpoint).toBe(
        'http://localhost:3001/api/mcp/rpc',
      )
      await client.ping()
    }
    expect(server.received.length).toBeGreaterThan(0)
  })

  it('refuses an endpoint on another origin and sends nothing there', async () => {
    const server = net.serve({
      dialect: { endpoint: { crossOrigin: 'http://evil.test' } },
    })
    const { client } = net.client()
    const failure = await client.connect().catch((error: unknown) => error)
    expect(isMCPError(failure, 'cross-origin-endpoint')).toBe(true)
    expect((failure as Error).message).toContain('allowedOrigins')
    expect(client.getSnapshot().status).toBe('error')
    expect(server.received).toEqual([])
  })

  it('POSTs to another origin when the user allowed it', async () => {
    const server = net.serve({
      dialect: { endpoint: { crossOrigin: 'http://api.test' } },
    })
    const { client } = net.client({ allowedOrigins: ['http://api.test'] })
    await client.connect()
    expect(server.received[0]?.url.startsWith('http://api.test/')).toBe(true)
  })
})

describe('answers and frames', () => {
  it('resolves requests answered in the POST body', async () => {
    net.serve({ dialect: { answers: 'post-body' } })
    const { client, wire } = net.client()
    await client.connect()
    const result = await client.callTool('echo', { message: 'body' })
    expect(result.content[0]).toEqual({ type: 'text', text: 'Echo: body' })
    expect(
      ofType(wire, 'message-in').some(
        (e) => e.via === 'post-body' && 'result' in e.message,
      ),
    ).toBe(true)
  })

  it('reads messages sent as unnamed data frames', async () => {
    net.serve({ dialect: { unnamedEvents: true } })
    const { client } = net.client()
    await client.connect()
    expect((await client.listAllTools()).length).toBe(1)
  })

  it.each(['comment', 'event', 'data'] as const)(
    'ignores heartbeats sent as %s but shows them on the wire',
    async (as) => {
      net.serve({ dialect: { heartbeat: { intervalMs: 10, as } } })
      const { client, wire } = net.client()
      await client.connect()
      await new Promise((resolve) => setTimeout(resolve, 60))
      await client.ping()
      const seen =
        as === 'comment'
          ? ofType(wire, 'sse-comment').length
          : ofType(wire, 'sse-frame').filter(
              (f) => f.data.includes('heartbeat') || f.event === 'heartbeat',
            ).length
      expect(seen).toBeGreaterThan(1)
      expect(client.getSnapshot().status).toBe('ready')
    },
  )

  it('sends the API-key header on the stream and on every POST', async () => {
    const server = net.serve({
      dialect: { auth: { header: 'X-API-Key', value: 'k-123' } },
    })
    const { client } = net.client({ headers: { 'X-API-Key': 'k-123' } })
    await client.connect()
    await client.ping()
    expect(
      server.received.every((r) => r.headers['x-api-key'] === 'k-123'),
    ).toBe(true)
  })

  it('rejects a missing API key with a 401 that says what to do', async () => {
    net.serve({
      dialect: { auth: { header: 'Authorization', value: 'Bearer t' } },
    })
    const { client } = net.client()
    const failure = await client.connect().catch((error: unknown) => error)
    expect(isMCPError(failure, 'unauthorized')).toBe(true)
    expect((failure as { status?: number }).status).toBe(401)
    expect((failure as Error).message).toMatch(/headers/)
  })
})
