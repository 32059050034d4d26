import { describe, expect, it } from 'vitest'
import { modernCall, modernRequest } from './modern-client.js'
import { useModernServer } from './modern-fixture.js'
import { openGet, postMCP, rpcRequest } from './streamable-client.js'

const server = useModernServer({ instructions: 'Be brief' })
const url = server.mcpUrl

async function refused(response: Response) {
  return {
    status: response.status,
    body: (await response.json()) as {
      id: unknown
      error: { code: number; message: string; data?: unknown }
    },
  }
}

describe('2026-07-28: discovery and results', () => {
  it('answers server/discover with versions, capabilities, identity and cache hints', async () => {
    expect(server.protocol).toBe('2026-07-28')
    expect(server.transport).toBe('streamable-http')
    const { response, answer } = await modernCall(url, 'server/discover')
    expect(response.status).toBe(200)
    expect(response.headers.get('mcp-session-id')).toBeNull()
    expect((await answer).result).toEqual({
      resultType: 'complete',
      supportedVersions: ['2026-07-28'],
      capabilities: expect.objectContaining({ tools: { listChanged: true } }),
      instructions: 'Be brief',
      _meta: {
        'io.modelcontextprotocol/serverInfo': {
          name: 'mock-mcp-server',
          version: '1.0.0',
        },
      },
      ttlMs: 0,
      cacheScope: 'public',
    })
  })

  it('puts the cache hints the dialect names on list and read results only', async () => {
    server.setDialect({
      cacheHints: (method) =>
        method === 'resources/read'
          ? { ttlMs: 0, cacheScope: 'private' }
          : { ttlMs: 60_000, cacheScope: 'public' },
    })
    const list = await (await modernCall(url, 'tools/list')).answer
    expect(list.result).toMatchObject({ ttlMs: 60_000, cacheScope: 'public' })
    const read = await (
      await modernCall(url, 'resources/read', { uri: 'file:///a.txt' })
    ).answer
    expect(read.result).toMatchObject({
      resultType: 'complete',
      contents: [{ uri: 'file:///a.txt', text: 'A' }],
      cacheScope: 'private',
    })
    const call = await (
      await modernCall(url, 'tools/call', {
        name: 'echo',
        arguments: { message: 'x' },
      })
    ).answer
    expect(call.result).toMatchObject({ resultType: 'complete' })
    expect(call.result).not.toHaveProperty('ttlMs')
  })

  it('passes a resultType a tool names through unchanged', async () => {
    const { answer } = await modernCall(url, 'tools/call', { name: 'odd' })
    expect((await answer).result).toEqual({
      resultType: 'surprise',
      content: [],
    })
  })

  it('answers an unknown resource with -32602, the revision’s code', async () => {
    const { answer } = await modernCall(url, 'resources/read', {
      uri: 'file:///nope',
    })
    expect((await answer).error).toMatchObject({ code: -32602 })
  })

  it('answers unknown and removed methods with 404 and -32601', async () => {
    for (const method of [
      'nope/nope',
      'ping',
      'logging/setLevel',
      'resources/subscribe',
    ]) {
      const { body, headers } = modernRequest(method)
      const { status, body: error } = await refused(
        await postMCP(url, body, headers),
      )
      expect(status).toBe(404)
      expect(error.error.code).toBe(-32601)
    }
  })

  it('refuses initialize with 400 and the versions it speaks', async () => {
    const response = await postMCP(
      url,
      rpcRequest('initialize', {
        protocolVersion: '2025-11-25',
        capabilities: {},
      }),
    )
    const { status, body } = await refused(response)
    expect(status).toBe(400)
    expect(body.error).toMatchObject({
      code: -32022,
      data: { supported: ['2026-07-28'], requested: '2025-11-25' },
    })
    expect(body.error.message).toMatch(/2026-07-28/)
  })

  it('offers no GET stream and no DELETE (405)', async () => {
    expect((await openGet(url, {})).response.status).toBe(405)
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(405)
  })
})

describe('2026-07-28: request metadata', () => {
  it('refuses a request without the required _meta fields (400, -32602)', async () => {
    const response = await postMCP(url, rpcRequest('tools/list', {}), {
      'MCP-Protocol-Version': '2026-07-28',
      'Mcp-Method': 'tools/list',
    })
    const { status, body } = await refused(response)
    expect(status).toBe(400)
    expect(body.error.code).toBe(-32602)
    expect(body.error.message).toMatch(/protocolVersion/)
  })

  it('refuses a version it does not speak with its supported list (400, -32022)', async () => {
    const { body, headers } = modernRequest(
      'tools/list',
      {},
      { version: '2099-01-01', id: 5 },
    )
    const { status, body: error } = await refused(
      await postMCP(url, body, headers),
    )
    expect(status).toBe(400)
    expect(error).toMatchObject({
      id: 5,
      error: {
        code: -32022,
        data: { supported: ['2026-07-28'], requested: '2099-01-01' },
      },
    })
  })

  it.each([
    ['no MCP-Protocol-Version', { 'MCP-Protocol-Version': null }],
    [
      'a different MCP-Protocol-Version',
      { 'MCP-Protocol-Version': '2025-11-25' },
    ],
    ['no Mcp-Method', { 'Mcp-Method': null }],
    ['a different Mcp-Method', { 'Mcp-Method': 'tools/list' }],
    ['no Mcp-Name', { 'Mcp-Name': null }],
    ['a different Mcp-Name', { 'Mcp-Name': 'other' }],
  ])('refuses a tools/call with %s (400, -32020)', async (_what, override) => {
    const { body, headers } = modernRequest(
      'tools/call',
      { name: 'echo', arguments: { message: 'x' } },
      { headers: override },
    )
    const { status, body: error } = await refused(
      await postMCP(url, body, headers),
    )
    expect(status).toBe(400)
    expect(error.error.code).toBe(-32020)
    expect(error.error.message).toMatch(/^Header mismatch/)
  })

  it('decodes a Base64-sentinel Mcp-Name before comparing it', async () => {
    server.addTool({ name: 'café', run: () => 'ok' })
    const encoded = `=?base64?${Buffer.from('café').toString('base64')}?=`
    const { answer } = await modernCall(
      url,
      'tools/call',
      { name: 'café' },
      {
        headers: { 'Mcp-Name': encoded },
      },
    )
    expect((await answer).result).toMatchObject({ content: [{ text: 'ok' }] })
  })

  it('checks Mcp-Param-* headers against the arguments x-mcp-header marks', async () => {
    const args = { region: 'eu-west1', limit: 42, sql: 'SELECT 1' }
    const good = await modernCall(
      url,
      'tools/call',
      { name: 'query', arguments: args },
      {
        headers: { 'Mcp-Param-Region': 'eu-west1', 'Mcp-Param-Limit': '42.0' },
      },
    )
    expect((await good.answer).result).toMatchObject({
      content: [{ text: 'ran in eu-west1' }],
    })

    const cases: Record<string, string | null>[] = [
      { 'Mcp-Param-Region': null, 'Mcp-Param-Limit': '42' },
      { 'Mcp-Param-Region': 'us-east1', 'Mcp-Param-Limit': '42' },
      { 'Mcp-Param-Region': 'eu-west1', 'Mcp-Param-Limit': '41' },
    ]
    for (const headers of cases) {
      const request = modernRequest(
        'tools/call',
        { name: 'query', arguments: args },
        { headers },
      )
      const { status, body } = await refused(
        await postMCP(url, request.body, request.headers),
      )
      expect(status).toBe(400)
      expect(body.error.code).toBe(-32020)
    }
    // A parameter left out of the arguments needs no header.
    const partial = await modernCall(url, 'tools/call', {
      name: 'query',
      arguments: { sql: 'x' },
    })
    expect((await partial.answer).result).toMatchObject({
      resultType: 'complete',
    })
  })

  it('records the headers of every request', async () => {
    await modernCall(url, 'tools/call', {
      name: 'echo',
      arguments: { message: 'x' },
    })
    const [post] = server.httpRequests
    expect(post?.headers).toMatchObject({
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': 'echo',
    })
    expect(server.received[0]?.sessionId).toBeUndefined()
  })
})
