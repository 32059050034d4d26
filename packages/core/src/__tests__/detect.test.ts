import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { isMCPError, MCPSSEClient } from '../index'
import { scriptedServer } from './streamable-server'
import { ofType, useMockNetwork } from './support'

const net = useMockNetwork()
const probes = (wire: Parameters<typeof ofType>[0]) =>
  ofType(wire, 'probe').map((p) => [
    p.modern ? '2026-07-28' : p.transport,
    p.url,
    p.outcome,
  ])

describe("transport: 'auto'", () => {
  it('finds an HTTP+SSE server from its base URL after three refused probes', async () => {
    net.serve()
    const { client, wire } = net.client()
    await client.connect()
    expect(client.getSnapshot().transport).toBe('sse')
    // A 404 to the 2026-07-28 probe at the root rules out initialize there too.
    expect(probes(wire)).toEqual([
      ['2026-07-28', 'http://localhost:3001/', 'fallback'],
      ['2026-07-28', 'http://localhost:3001/mcp', 'fallback'],
      ['streamable-http', 'http://localhost:3001/mcp', 'fallback'],
      ['sse', 'http://localhost:3001/sse', 'ok'],
    ])
  })

  it('goes straight to HTTP+SSE for a stream URL, explicit paths or a pinned transport', async () => {
    net.serve({ ssePath: '/events', postPath: '/rpc' })
    for (const options of [
      {
        url: 'http://localhost:3001/events',
        sseEndpoint: '/events',
        postEndpoint: '/rpc',
      },
      { url: 'http://localhost:3001', sseEndpoint: '/events' },
    ]) {
      const { client, wire } = net.client(options)
      await client.connect()
      expect(ofType(wire, 'probe')).toEqual([])
      expect(ofType(wire, 'post').every((p) => !p.url.endsWith('/'))).toBe(true)
      await client.disconnect()
    }
  })

  it("probes nothing with transport: 'sse'", async () => {
    net.serve()
    const { client, wire } = net.client({ transport: 'sse' })
    await client.connect()
    expect(ofType(wire, 'probe')).toEqual([])
    expect(ofType(wire, 'stream-open')).toMatchObject([
      { url: 'http://localhost:3001/sse' },
    ])
  })

  it('pins HTTP+SSE for protocol 2024-11-05', async () => {
    net.serve()
    const { client, wire } = net.client({ protocolVersion: '2024-11-05' })
    await client.connect()
    expect(ofType(wire, 'probe')).toEqual([])
    expect(client.getSnapshot().transport).toBe('sse')
  })

  it('never falls back on 401: that is an authorization failure', async () => {
    net.serve()
    net.network.use(
      http.post(
        'http://localhost:3001/',
        () =>
          new HttpResponse('no', {
            status: 401,
            headers: { 'WWW-Authenticate': 'Bearer' },
          }),
      ),
    )
    const { client, wire } = net.client()
    const error = await client.connect().catch((e: unknown) => e)
    expect(isMCPError(error, 'unauthorized')).toBe(true)
    expect((error as { status?: number }).status).toBe(401)
    expect(ofType(wire, 'stream-open')).toEqual([])
    expect(probes(wire)).toEqual([
      ['2026-07-28', 'http://localhost:3001/', 'fail'],
    ])
  })

  it('says which ways it tried when none works', async () => {
    net.network.use(
      http.all(
        'http://localhost:3001/*',
        () => new HttpResponse('Not Found', { status: 404 }),
      ),
    )
    const { client } = net.client()
    const error = await client.connect().catch((e: unknown) => e)
    expect(isMCPError(error, 'http')).toBe(true)
    const message = (error as Error).message
    expect(message).toContain(
      'Streamable HTTP 2026-07-28 (POST server/discover http://localhost:3001/): 404',
    )
    expect(message).toContain(
      'Streamable HTTP 2026-07-28 (POST server/discover http://localhost:3001/mcp): 404',
    )
    expect(message).toContain(
      'Streamable HTTP (POST initialize http://localhost:3001/mcp): 404',
    )
    expect(message).toContain('HTTP+SSE (GET http://localhost:3001/sse): 404')
  })

  it("does not fall back when pinned to 'streamable-http'", async () => {
    net.serve()
    const { client, wire } = net.client({
      url: 'http://localhost:3001/api',
      transport: 'streamable-http',
    })
    const error = await client.connect().catch((e: unknown) => e)
    expect(isMCPError(error, 'http')).toBe(true)
    expect(ofType(wire, 'stream-open')).toEqual([])
  })

  it('keeps the transport it found for reconnects: no probe the second time', async () => {
    const scripted = scriptedServer()
    net.network.use(
      ...scripted.handlers,
      http.all(
        'http://localhost:3001/*',
        () => new HttpResponse(null, { status: 404 }),
      ),
    )
    const { client, wire } = net.client({ url: 'http://localhost:3001' })
    await client.connect()
    expect(probes(wire).map((p) => p[2])).toEqual([
      'fallback',
      'fallback',
      'ok',
    ])
    await client.reconnect()
    expect(probes(wire)).toHaveLength(3)
    expect(client.getSnapshot()).toMatchObject({
      status: 'ready',
      transport: 'streamable-http',
      endpoint: 'http://localhost:3001/mcp',
    })
  })

  it('refuses options it cannot honour, with the fix', () => {
    expect(
      () =>
        new MCPSSEClient({ url: 'http://x', transport: 'websocket' as 'sse' }),
    ).toThrow(/transport must be/)
    expect(
      () =>
        new MCPSSEClient({
          url: 'http://x',
          transport: 'streamable-http',
          protocolVersion: '2024-11-05',
        }),
    ).toThrow(/no Streamable HTTP transport/)
  })
})
