import { describe, expect, it } from 'vitest'
import { isMCPError } from '../index'
import { useModernNetwork } from './modern-fixture'
import { ofType, waitFor } from './support'

const net = useModernNetwork()
const URL = 'http://localhost:3001/mcp'
const META_VERSION = 'io.modelcontextprotocol/protocolVersion'

describe('protocol 2026-07-28', () => {
  it('connects with server/discover: no session, the answer in the InitializeResult shape', async () => {
    const server = net.serveModern()
    const { client, wire } = net.client({ url: URL })
    const result = await client.connect()
    expect(result).toMatchObject({
      protocolVersion: '2026-07-28',
      capabilities: { tools: {} },
      serverInfo: { name: expect.any(String) },
    })
    expect(client.getSnapshot()).toMatchObject({
      status: 'ready',
      transport: 'streamable-http',
      protocolVersion: '2026-07-28',
      sessionId: null,
      endpoint: URL,
    })
    expect(ofType(wire, 'probe')).toMatchObject([
      { modern: true, outcome: 'ok' },
    ])
    const [discover] = server.received
    expect(discover?.message).toMatchObject({
      method: 'server/discover',
      params: {
        _meta: {
          [META_VERSION]: '2026-07-28',
          'io.modelcontextprotocol/clientInfo': { name: '@mcp-sse/core' },
          'io.modelcontextprotocol/clientCapabilities': {},
        },
      },
    })
    expect(server.httpRequests.some((r) => r.method === 'GET')).toBe(false)
    await client.disconnect()
    expect(server.httpRequests.some((r) => r.method === 'DELETE')).toBe(false)
  })

  it('mirrors version, method, name and x-mcp-header parameters into headers', async () => {
    const server = net.serveModern()
    const { client } = net.client({ url: URL })
    await client.connect()
    await client.listTools()
    const result = await client.callTool('query', {
      region: 'Zürich ',
      opts: { limit: 5 },
      sql: 'select 1',
    })
    expect(result.content).toEqual([{ type: 'text', text: 'ran in Zürich ' }])
    const call = server.httpRequests.find(
      (r) => r.headers['mcp-method'] === 'tools/call',
    )
    expect(call?.headers).toMatchObject({
      'mcp-protocol-version': '2026-07-28',
      'mcp-name': 'query',
      'mcp-param-region': `=?base64?${Buffer.from('Zürich ').toString('base64')}?=`,
      'mcp-param-limit': '5',
    })
    expect(call?.headers['mcp-param-sql']).toBeUndefined()
  })

  it('leaves a tool with invalid x-mcp-header annotations out of tools/list and refuses to call it', async () => {
    const server = net.serveModern()
    const { client, wire } = net.client({ url: URL })
    await client.connect()
    const tools = await client.listAllTools()
    expect(tools.map((t) => t.name)).not.toContain('broken-headers')
    expect(tools.map((t) => t.name)).toContain('query')
    expect(ofType(wire, 'tool-rejected')).toMatchObject([
      { tool: 'broken-headers', reason: expect.stringContaining('Item') },
    ])
    const error = await client.callTool('broken-headers', {}).catch((e) => e)
    expect(isMCPError(error, 'protocol')).toBe(true)
    expect((error as Error).message).toContain(
      "Tool 'broken-headers' cannot be called",
    )
    expect(
      server.received.some(
        (r) =>
          'params' in r.message && r.message.params?.name === 'broken-headers',
      ),
    ).toBe(false)
  })

  it('reports progress and logs from the request stream, and sends the log level in _meta', async () => {
    const server = net.serveModern()
    const { client } = net.client({ url: URL })
    await client.connect()
    await client.setLoggingLevel('warning')
    const logs: unknown[] = []
    client.onNotification('notifications/message', (params) =>
      logs.push(params?.data),
    )
    const progress: number[] = []
    const result = await client.callTool(
      'steps',
      {},
      {
        onProgress: (p) => progress.push(p.progress),
      },
    )
    expect(result.content).toEqual([{ type: 'text', text: 'done' }])
    expect(progress).toEqual([1, 2])
    expect(logs).toEqual(['warning line'])
    expect(
      server.received.some(
        (r) => 'method' in r.message && r.message.method === 'logging/setLevel',
      ),
    ).toBe(false)
    const call = server.received.find(
      (r) => 'method' in r.message && r.message.method === 'tools/call',
    )
    expect(call?.message).toMatchObject({
      params: { _meta: { 'io.modelcontextprotocol/logLevel': 'warning' } },
    })
  })

  it('cancels by closing the request stream, with no notifications/cancelled', async () => {
    const server = net.serveModern()
    const { client } = net.client({ url: URL })
    await client.connect()
    const controller = new AbortController()
    const call = client.callTool(
      'wait',
      {},
      {
        signal: controller.signal,
        onProgress: () => controller.abort('enough'),
      },
    )
    await expect(call).rejects.toMatchObject({ code: 'aborted' })
    await waitFor(
      () => server.openStreams.post === 0,
      'the answer stream to close',
    )
    expect(
      server.received.some(
        (r) =>
          'method' in r.message &&
          r.message.method === 'notifications/cancelled',
      ),
    ).toBe(false)
    await expect(client.listTools()).resolves.toBeDefined()
  })

  it('reconnects (discover again) when the server stops answering, re-sending what is safe', async () => {
    const server = net.serveModern()
    const { client } = net.client({ url: URL })
    await client.connect()
    server.fail({ post: 'network', times: 2 })
    const listed = await client.listTools()
    expect(listed.tools.length).toBeGreaterThan(0)
    expect(client.getSnapshot()).toMatchObject({
      status: 'ready',
      protocolVersion: '2026-07-28',
    })
    const discovers = server.httpRequests.filter(
      (r) => r.headers['mcp-method'] === 'server/discover',
    )
    expect(discovers.length).toBeGreaterThan(1)
  })

  it('POSTs a notification as it is, answered 202', async () => {
    const server = net.serveModern()
    const { client } = net.client({ url: URL })
    await client.connect()
    await client.notify('notifications/example', { n: 1 })
    const post = await server.waitForHttpRequest(
      (r) => r.headers['mcp-method'] === 'notifications/example',
    )
    expect(post.headers['mcp-protocol-version']).toBe('2026-07-28')
    expect(post.status).toBe(202)
  })

  it('rejects a result whose resultType it does not know', async () => {
    net.serveModern()
    const { client } = net.client({ url: URL })
    await client.connect()
    const error = await client.callTool('odd', {}).catch((e) => e)
    expect(isMCPError(error, 'protocol')).toBe(true)
    expect((error as Error).message).toContain('resultType "surprise"')
  })

  it('exposes cache hints on list and read results', async () => {
    net.serveModern({
      dialect: { cacheHints: { ttlMs: 60_000, cacheScope: 'private' } },
    })
    const { client } = net.client({ url: URL })
    await client.connect()
    await expect(client.listTools()).resolves.toMatchObject({
      ttlMs: 60_000,
      cacheScope: 'private',
    })
    await expect(client.readResource('file:///a.txt')).resolves.toMatchObject({
      ttlMs: 60_000,
    })
  })

  it('re-issues a request safe to repeat under a new id when its stream breaks; rejects a call', async () => {
    const server = net.serveModern()
    const { client } = net.client({ url: URL })
    await client.connect()
    let lists = 0
    server.setDialect({
      response: 'sse',
      cutBeforeAnswer: (request) =>
        request.method === 'tools/list'
          ? lists++ === 0
          : request.method === 'tools/call',
    })
    const listed = await client.listTools()
    expect(listed.tools.length).toBeGreaterThan(0)
    const ids = server.received
      .map((r) => r.message)
      .filter((m) => 'method' in m && m.method === 'tools/list')
      .map((m) => ('id' in m ? m.id : null))
    expect(ids).toHaveLength(2)
    expect(ids[0]).not.toBe(ids[1])
    const error = await client
      .callTool('echo', { message: 'x' })
      .catch((e) => e)
    expect(isMCPError(error, 'connection-lost')).toBe(true)
  })
})
