import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { isMCPError, MCPSSEClient } from '../index'
import { useModernNetwork } from './modern-fixture'
import { scriptedServer } from './streamable-server'
import { ofType } from './support'

const net = useModernNetwork()
const URL = 'http://localhost:3001/mcp'

const methodsPosted = (server: { received: readonly { message: unknown }[] }) =>
  server.received.map((r) => (r.message as { method?: string }).method)

describe('eras, detected', () => {
  it('speaks 2026-07-28 to a dual-era server, and 2025-11-25 when pinned there', async () => {
    const server = net.serveModern({ protocol: 'dual-era' })
    const { client } = net.client({ url: URL })
    await expect(client.connect()).resolves.toMatchObject({
      protocolVersion: '2026-07-28',
    })
    await client.disconnect()
    const pinned = net.client({
      url: URL,
      protocolVersion: '2025-11-25',
    }).client
    await expect(pinned.connect()).resolves.toMatchObject({
      protocolVersion: '2025-11-25',
    })
    expect(
      methodsPosted(server).filter((m) => m === 'server/discover'),
    ).toHaveLength(1)
    expect(pinned.getSnapshot().sessionId).not.toBeNull()
  })

  it('falls back to initialize on a 2025 server, paying one extra round trip', async () => {
    const server = net.serve({ transport: 'streamable-http' })
    const { client, wire } = net.client({ url: URL })
    await expect(client.connect()).resolves.toMatchObject({
      protocolVersion: '2025-11-25',
    })
    const posts = server.httpRequests.filter((r) => r.method === 'POST')
    expect(posts[0]?.headers['mcp-method']).toBe('server/discover')
    expect(methodsPosted(server)[0]).toBe('initialize')
    expect(
      ofType(wire, 'probe').map((p) => [p.modern ?? false, p.outcome]),
    ).toEqual([
      [true, 'fallback'],
      [false, 'ok'],
    ])
    await client.reconnect()
    expect(ofType(wire, 'probe')).toHaveLength(2)
    expect(client.getSnapshot().protocolVersion).toBe('2025-11-25')
  })

  it('remembers the way per server: a second client to a 2025 server sends no 2026-07-28 probe', async () => {
    const server = net.serve({ transport: 'streamable-http' })
    await net.client({ url: URL }).client.connect()
    const probesBefore = server.httpRequests.filter(
      (r) => r.headers['mcp-method'] === 'server/discover',
    ).length
    expect(probesBefore).toBe(1)
    const { client, wire } = net.client({ url: URL })
    await client.connect()
    expect(
      server.httpRequests.filter(
        (r) => r.headers['mcp-method'] === 'server/discover',
      ),
    ).toHaveLength(1)
    expect(
      ofType(wire, 'probe').map((p) => [p.modern ?? false, p.outcome]),
    ).toEqual([[false, 'ok']])
  })

  it('falls back to initialize where a gateway answers the modern probe with a bare 404', async () => {
    const scripted = scriptedServer()
    net.network.use(
      http.post(URL, async ({ request }) => {
        const body = (await request.clone().json()) as { method?: string }
        if (body.method === 'server/discover')
          return new HttpResponse('Not Found', { status: 404 })
        return undefined
      }),
      ...scripted.handlers,
    )
    const { client } = net.client({ url: URL })
    await expect(client.connect()).resolves.toMatchObject({
      protocolVersion: '2025-11-25',
    })
    expect(client.getSnapshot().transport).toBe('streamable-http')
  })

  it('retries with a version from the supported list of an UnsupportedProtocolVersion error', async () => {
    let refused = 0
    net.network.use(
      http.post(URL, async ({ request }) => {
        const body = (await request.json()) as { id: number; method: string }
        if (refused++ === 0)
          return HttpResponse.json(
            {
              jsonrpc: '2.0',
              id: body.id,
              error: {
                code: -32022,
                message: 'Unsupported protocol version',
                data: {
                  supported: ['2099-01-01', '2026-07-28'],
                  requested: 'x',
                },
              },
            },
            { status: 400 },
          )
        return HttpResponse.json({
          jsonrpc: '2.0',
          id: body.id,
          result: {
            resultType: 'complete',
            supportedVersions: ['2026-07-28'],
            capabilities: {},
          },
        })
      }),
    )
    const { client } = net.client({ url: URL })
    await expect(client.connect()).resolves.toMatchObject({
      protocolVersion: '2026-07-28',
    })
    expect(refused).toBe(2)
  })

  it('reports a modern refusal (a missing capability) instead of falling back', async () => {
    const posted: string[] = []
    net.network.use(
      http.post(URL, async ({ request }) => {
        const body = (await request.json()) as { id: number; method: string }
        posted.push(body.method)
        return HttpResponse.json(
          {
            jsonrpc: '2.0',
            id: body.id,
            error: {
              code: -32021,
              message: 'Missing required client capability',
              data: { requiredCapabilities: { sampling: {} } },
            },
          },
          { status: 400 },
        )
      }),
    )
    const { client } = net.client({ url: URL })
    const error = await client.connect().catch((e) => e)
    expect(isMCPError(error, 'rpc')).toBe(true)
    expect((error as Error).message).toContain('sampling')
    expect(posted).toEqual(['server/discover'])
  })

  it('pinned to 2026-07-28, says plainly that a 2025 server does not speak it', async () => {
    const server = net.serve({ transport: 'streamable-http' })
    const { client } = net.client({ url: URL, protocolVersion: '2026-07-28' })
    const error = await client.connect().catch((e) => e)
    expect(isMCPError(error)).toBe(true)
    expect(methodsPosted(server)).not.toContain('initialize')
    expect(
      () =>
        new MCPSSEClient({
          url: URL,
          transport: 'sse',
          protocolVersion: '2026-07-28',
        }),
    ).toThrow(/no HTTP\+SSE transport/)
  })
})
