import {
  startSdkServer,
  startV2Server,
  type RunningSdkServer,
  type RunningV2Server,
} from '@mcp-sse/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordWire } from './helpers'
import {
  dumpOnFailure,
  posts,
  probes,
  sentMethods,
  useClients,
} from './modern-v2-support'

/**
 * Which era the client lands in against the official v2 SDK server in each of its postures, and
 * against a 2025-only server (SDK v1).
 */
const client = useClients()

describe('a dual-era v2 SDK server, the SDK\'s own legacy: "stateless"', () => {
  let server: RunningV2Server
  beforeAll(async () => {
    server = await startV2Server({ legacy: 'stateless' })
  })
  afterAll(async () => {
    await server.stop()
  })

  it('is 2026-07-28 when unpinned', async () => {
    const mcp = client({ url: server.url })
    const wire = recordWire(mcp)
    await mcp.connect()
    expect(mcp.getSnapshot()).toMatchObject({
      protocolVersion: '2026-07-28',
      sessionId: null,
    })
    expect(sentMethods(wire)).not.toContain('initialize')
  })

  // The SDK's 2025 leg is stateless: initialize mints no Mcp-Session-Id and GET answers 405,
  // which the 2025-11-25 spec allows (sessions are a MAY). So: initialize, yet no session.
  it('is reached through initialize when pinned to 2025-11-25, without a session', async () => {
    const mcp = client({ url: server.url, protocolVersion: '2025-11-25' })
    const wire = recordWire(mcp)
    dumpOnFailure(wire)
    await mcp.connect()
    expect(mcp.getSnapshot()).toMatchObject({
      status: 'ready',
      transport: 'streamable-http',
      protocolVersion: '2025-11-25',
      sessionId: null,
    })
    expect(sentMethods(wire)).toEqual([
      'initialize',
      'notifications/initialized',
    ])
    const result = await mcp.callTool('echo', { message: 'from 2025' })
    expect(result.content).toEqual([{ type: 'text', text: 'from 2025' }])
    expect(
      wire.find((e) => e.type === 'stream-open' && e.stream === 'get'),
    ).toMatchObject({ status: 405 })
  })
})

describe('a dual-era v2 SDK server with 2025 sessions beside it (legacy: "sessions")', () => {
  let server: RunningV2Server
  beforeAll(async () => {
    server = await startV2Server({ legacy: 'sessions' })
  })
  afterAll(async () => {
    await server.stop()
  })

  it('is 2026-07-28 when unpinned, opening no session', async () => {
    const mcp = client({ url: server.url })
    await mcp.connect()
    expect(mcp.getSnapshot()).toMatchObject({
      protocolVersion: '2026-07-28',
      sessionId: null,
    })
    expect(server.sessions()).toBe(0)
  })

  it('pinned to 2025-11-25: initialize, a session, elicitation by the same handler, DELETE at the end', async () => {
    const mcp = client({ url: server.url, protocolVersion: '2025-11-25' })
    const wire = recordWire(mcp)
    dumpOnFailure(wire)
    mcp.setRequestHandler('elicitation/create', () => ({
      action: 'accept',
      content: { name: 'Lin' },
    }))
    await mcp.connect()
    expect(mcp.getSnapshot()).toMatchObject({
      status: 'ready',
      protocolVersion: '2025-11-25',
    })
    expect(mcp.sessionId).toMatch(/^[0-9a-f-]{36}$/)
    expect(server.sessions()).toBe(1)
    expect(sentMethods(wire).slice(0, 2)).toEqual([
      'initialize',
      'notifications/initialized',
    ])
    // On a 2025 session the server asks with its own elicitation/create request.
    const result = await mcp.callTool('greet', {})
    expect(result.content).toEqual([{ type: 'text', text: 'Hello Lin' }])
    await mcp.disconnect()
    expect(server.sessions()).toBe(0)
    expect(server.requests().filter((r) => r.method === 'DELETE')).toHaveLength(
      1,
    )
  })
})

describe('a 2026-07-28-only v2 SDK server (legacy: "reject") and a client pinned to 2025-11-25', () => {
  let server: RunningV2Server
  beforeAll(async () => {
    server = await startV2Server()
  })
  afterAll(async () => {
    await server.stop()
  })

  // The SDK answers the pinned client's initialize with 400 and -32022 naming the versions it
  // speaks, as versioning.mdx asks. That is a recognized modern error, so (streamable-http.mdx,
  // Backward Compatibility) the client stops there rather than trying HTTP+SSE, and says why.
  it("fails with the server's own reason and probes no HTTP+SSE", async () => {
    const mcp = client({ url: server.url, protocolVersion: '2025-11-25' })
    const wire = recordWire(mcp)
    const error = await mcp.connect().catch((e: unknown) => e)
    expect(String(error)).toMatch(/2026-07-28/)
    expect(probes(wire).map(([, kind]) => kind)).toEqual(['initialize'])
    expect(server.requests().filter((r) => r.method === 'GET')).toEqual([])
  })
})

describe('a 2025-only server (SDK v1) under auto', () => {
  let server: RunningSdkServer
  beforeAll(async () => {
    server = await startSdkServer()
  })
  afterAll(async () => {
    await server.stop()
  })

  it('falls back to initialize with exactly one extra POST', async () => {
    const mcp = client({ url: server.url })
    const wire = recordWire(mcp)
    dumpOnFailure(wire)
    await mcp.connect()
    expect(mcp.getSnapshot()).toMatchObject({
      status: 'ready',
      protocolVersion: '2025-11-25',
    })
    expect(mcp.sessionId).toMatch(/^[0-9a-f-]{36}$/)
    expect(probes(wire)).toEqual([
      [server.url, 'modern', 'fallback'],
      [server.url, 'initialize', 'ok'],
    ])
    // The refused discover is the only POST a 2025 server costs beyond initialize + initialized.
    expect(
      posts(wire).map((p) => [
        p.headers['Mcp-Method'] ?? JSON.parse(p.body).method,
        p.status,
      ]),
    ).toEqual([
      ['server/discover', 400],
      ['initialize', 200],
      ['notifications/initialized', 202],
    ])
  })
})
