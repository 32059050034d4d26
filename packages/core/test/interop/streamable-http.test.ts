import {
  startSdkServer,
  startServerEverything,
  type RunningSdkServer,
  type RunningServer,
} from '@mcp-sse/testkit'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { MCPSSEClient, isMCPError } from '../../src/index'
import type { MCPSSEClientOptions, Progress, WireEvent } from '../../src/index'
import { FAST_RECONNECT, recordStatuses, recordWire, waitFor } from './helpers'

const clients: MCPSSEClient[] = []
function client(options: MCPSSEClientOptions) {
  const made = new MCPSSEClient({ reconnect: FAST_RECONNECT, ...options })
  clients.push(made)
  return made
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.disconnect()))
})

const posts = (wire: readonly WireEvent[]) =>
  wire.flatMap((event) => (event.type === 'post' ? [event] : []))
const probes = (wire: readonly WireEvent[]) =>
  wire.flatMap((event) =>
    event.type === 'probe' ? [[event.url, event.outcome]] : [],
  )

describe('server-everything in streamableHttp mode', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServerEverything({ mode: 'streamableHttp' })
  })
  afterAll(async () => {
    await server.stop()
  })

  it('connects by its /mcp URL after one refused 2026-07-28 probe', async () => {
    const mcp = client({ url: server.endpointUrl })
    const wire = recordWire(mcp)
    const init = await mcp.connect()
    expect(init.serverInfo.name).toContain('everything')
    expect(mcp.getSnapshot()).toMatchObject({
      status: 'ready',
      transport: 'streamable-http',
      protocolVersion: '2025-11-25',
      endpoint: server.endpointUrl,
    })
    expect(mcp.sessionId).toMatch(/^[0-9a-f-]{36}$/)
    expect(probes(wire)).toEqual([
      [server.endpointUrl, 'fallback'],
      [server.endpointUrl, 'ok'],
    ])
    // server/discover refused (no session: 400), then initialize and initialized, the first
    // answered as an SSE stream.
    const [discover, initialize, initialized] = posts(wire)
    expect(discover?.status).toBe(400)
    expect(discover?.headers['Mcp-Method']).toBe('server/discover')
    expect(initialize?.status).toBe(200)
    expect(initialize?.headers).toMatchObject({
      Accept: 'application/json, text/event-stream',
    })
    expect(initialize?.headers['Mcp-Session-Id']).toBeUndefined()
    expect(initialize?.responseHeaders?.['mcp-session-id']).toBe(mcp.sessionId)
    expect(initialized?.status).toBe(202)
    expect(initialized?.headers).toMatchObject({
      'Mcp-Session-Id': mcp.sessionId,
      'MCP-Protocol-Version': '2025-11-25',
    })
    // The GET stream was open before initialized was sent.
    const get = wire.findIndex(
      (e) => e.type === 'stream-open' && e.stream === 'get',
    )
    expect(get).toBeGreaterThan(-1)
    expect(get).toBeLessThan(wire.indexOf(initialized as WireEvent))
  })

  it('finds /mcp from the bare origin', async () => {
    const mcp = client({ url: server.url })
    const wire = recordWire(mcp)
    await mcp.connect()
    expect(mcp.getSnapshot().transport).toBe('streamable-http')
    expect(probes(wire)).toEqual([
      [`${server.url}/`, 'fallback'],
      [server.endpointUrl, 'fallback'],
      [server.endpointUrl, 'ok'],
    ])
  })

  it('delivers progress from the answer stream and the list change from the GET stream', async () => {
    const mcp = client({ url: server.endpointUrl })
    const wire = recordWire(mcp)
    const listChanged = new Promise<void>((resolve) =>
      mcp.onNotification('notifications/tools/list_changed', () => resolve()),
    )
    await mcp.connect()
    await listChanged
    expect(
      wire.find(
        (e) =>
          e.type === 'message-in' &&
          'method' in e.message &&
          e.message.method === 'notifications/tools/list_changed',
      ),
    ).toMatchObject({ via: 'stream' })
    const steps: Progress[] = []
    const result = await mcp.callTool(
      'trigger-long-running-operation',
      { duration: 0.3, steps: 3 },
      { onProgress: (p) => steps.push(p) },
    )
    expect(steps.map((p) => p.progress)).toEqual([1, 2, 3])
    expect(result.content[0]).toMatchObject({ type: 'text' })
  })

  it('ends the session with DELETE on disconnect', async () => {
    const mcp = new MCPSSEClient({ url: server.endpointUrl })
    const wire = recordWire(mcp)
    await mcp.connect()
    const sessionId = mcp.sessionId
    await mcp.disconnect()
    expect(wire.at(-1)).toMatchObject({ type: 'session-end', status: 200 })
    // The server forgot it: a request on that session is refused (server-everything says 400
    // "no valid session", where the spec's word is 404; the client reads both as expiry).
    const response = await fetch(server.endpointUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        'Mcp-Session-Id': sessionId ?? '',
        'MCP-Protocol-Version': '2025-11-25',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
    })
    expect([400, 404]).toContain(response.status)
  })

  it('recovers a new session after the server is killed and started again', async () => {
    const mcp = client({ url: server.endpointUrl })
    const statuses = recordStatuses(mcp)
    await mcp.connect()
    const before = mcp.sessionId
    const lost = mcp
      .callTool('trigger-long-running-operation', { duration: 30, steps: 30 })
      .catch((error: unknown) => error)
    await new Promise((resolve) => setTimeout(resolve, 300))
    await server.kill()
    expect(isMCPError(await lost, 'connection-lost')).toBe(true)
    await server.restart()
    await waitFor(() => mcp.connected, { message: 'the client to be ready' })
    expect(mcp.sessionId).not.toBe(before)
    expect(statuses).toEqual(
      expect.arrayContaining(['ready', 'reconnecting', 'ready']),
    )
    await expect(
      mcp.callTool('echo', { message: 'back' }),
    ).resolves.toMatchObject({
      content: [{ type: 'text', text: 'Echo: back' }],
    })
  })
})

describe.each([
  { name: 'stateless', options: { stateless: true } },
  { name: 'JSON answers', options: { json: true } },
  { name: 'stateless JSON answers', options: { stateless: true, json: true } },
])("the official SDK's StreamableHTTPServerTransport, $name", ({ options }) => {
  let server: RunningSdkServer
  beforeAll(async () => {
    server = await startSdkServer(options)
  })
  afterAll(async () => {
    await server.stop()
  })

  it('lists and calls tools, with progress where the answer streams', async () => {
    const mcp = client({ url: server.url })
    await mcp.connect()
    expect(mcp.getSnapshot().transport).toBe('streamable-http')
    expect(mcp.sessionId === null).toBe(options.stateless === true)
    const tools = await mcp.listAllTools()
    expect(tools.map((t) => t.name)).toEqual(['add', 'countdown'])
    await expect(mcp.callTool('add', { a: 2, b: 40 })).resolves.toEqual({
      content: [{ type: 'text', text: '42' }],
    })
    const steps: number[] = []
    await expect(
      mcp.callTool(
        'countdown',
        { steps: 3 },
        { onProgress: (p) => steps.push(p.progress) },
      ),
    ).resolves.toMatchObject({ content: [{ text: 'liftoff' }] })
    // With JSON answers the SDK drops progress tied to the request; over SSE it arrives.
    expect(steps).toEqual(options.json ? [] : [1, 2, 3])
  })

  it('leaves no session behind after disconnect', async () => {
    const mcp = new MCPSSEClient({ url: server.url })
    await mcp.connect()
    await mcp.disconnect()
    expect(server.sessions()).toBe(0)
  })
})
