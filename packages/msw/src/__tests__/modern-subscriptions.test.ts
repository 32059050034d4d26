import { describe, expect, it } from 'vitest'
import { createMCPServer } from '../index.js'
import { modernCall } from './modern-client.js'
import { useModernServer } from './modern-fixture.js'
import {
  handshake,
  messagesOf,
  openGet,
  postMCP,
  rpcRequest,
} from './streamable-client.js'

const limited = createMCPServer({
  protocol: '2026-07-28',
  url: 'http://limited.test',
  capabilities: { tools: {} },
})
const dual = createMCPServer({
  protocol: 'dual-era',
  url: 'http://dual.test',
  tools: [{ name: 'echo', run: ({ message }) => `Echo: ${String(message)}` }],
})
const server = useModernServer({}, [limited, dual])
const url = server.mcpUrl

const listen = (notifications: Record<string, unknown>, id = 1) =>
  modernCall(url, 'subscriptions/listen', { notifications }, { id })

describe('2026-07-28: subscriptions/listen', () => {
  it('acknowledges first, with the subset it honours, then sends what was asked for, tagged', async () => {
    const { stream, response } = await listen(
      { toolsListChanged: true, resourceSubscriptions: ['file:///a.txt'] },
      7,
    )
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const ack = await stream!.message(
      'notifications/subscriptions/acknowledged',
    )
    expect(ack.params).toEqual({
      _meta: { 'io.modelcontextprotocol/subscriptionId': 7 },
      notifications: {
        toolsListChanged: true,
        resourceSubscriptions: ['file:///a.txt'],
      },
    })
    expect(server.subscriptions).toEqual([
      {
        id: 7,
        notifications:
          ack.params &&
          (ack.params as { notifications: unknown }).notifications,
      },
    ])
    server.addPrompt({ name: 'p', get: () => ({ messages: [] }) }) // not asked for
    server.addTool({ name: 'new', run: () => 'new' })
    server.updateResource('file:///other') // not subscribed
    server.updateResource('file:///a.txt')
    await stream!.message('notifications/resources/updated')
    expect(messagesOf(stream!)).toEqual([
      ack,
      {
        jsonrpc: '2.0',
        method: 'notifications/tools/list_changed',
        params: { _meta: { 'io.modelcontextprotocol/subscriptionId': 7 } },
      },
      {
        jsonrpc: '2.0',
        method: 'notifications/resources/updated',
        params: {
          uri: 'file:///a.txt',
          _meta: { 'io.modelcontextprotocol/subscriptionId': 7 },
        },
      },
    ])
    stream!.close()
    await expect.poll(() => server.subscriptions).toEqual([])
  })

  it('leaves out what its capabilities do not offer', async () => {
    const { stream } = await modernCall(
      limited.mcpUrl,
      'subscriptions/listen',
      {
        notifications: { toolsListChanged: true, resourceSubscriptions: ['x'] },
      },
    )
    const ack = await stream!.message(
      'notifications/subscriptions/acknowledged',
    )
    expect((ack.params as { notifications: unknown }).notifications).toEqual({})
    stream!.close()
  })

  it('ends subscriptions gracefully on endSubscriptions()', async () => {
    const { stream } = await listen({ toolsListChanged: true }, 9)
    await stream!.message('notifications/subscriptions/acknowledged')
    server.endSubscriptions()
    expect(await stream!.message(9)).toEqual({
      jsonrpc: '2.0',
      id: 9,
      result: {
        resultType: 'complete',
        _meta: { 'io.modelcontextprotocol/subscriptionId': 9 },
      },
    })
    await stream!.ended
  })

  it('sends list changes to every listen stream that asked, each with its own id', async () => {
    const one = await listen({ toolsListChanged: true }, 1)
    const two = await listen({ toolsListChanged: true }, 2)
    await one.stream!.message('notifications/subscriptions/acknowledged')
    await two.stream!.message('notifications/subscriptions/acknowledged')
    server.removeTool('echo')
    const a = await one.stream!.message('notifications/tools/list_changed')
    const b = await two.stream!.message('notifications/tools/list_changed')
    expect(a.params).toEqual({
      _meta: { 'io.modelcontextprotocol/subscriptionId': 1 },
    })
    expect(b.params).toEqual({
      _meta: { 'io.modelcontextprotocol/subscriptionId': 2 },
    })
    one.stream!.close()
    two.stream!.close()
  })
})

describe('dual-era: both eras on one endpoint', () => {
  it('serves initialize with a 2025 session, and modern requests statelessly', async () => {
    const legacy = await handshake(dual.mcpUrl, '2025-11-25')
    expect(legacy.sessionId).toBeTruthy()
    expect(legacy.protocolVersion).toBe('2025-11-25')
    const get = await openGet(dual.mcpUrl, legacy.headers)
    expect(get.response.status).toBe(200)
    get.stream.close()

    const modern = await modernCall(dual.mcpUrl, 'server/discover')
    expect(modern.response.headers.get('mcp-session-id')).toBeNull()
    expect((await modern.answer).result).toMatchObject({
      resultType: 'complete',
      supportedVersions: ['2026-07-28'],
    })
    const call = await modernCall(dual.mcpUrl, 'tools/call', {
      name: 'echo',
      arguments: { message: 'hi' },
    })
    expect((await call.answer).result).toMatchObject({
      resultType: 'complete',
      content: [{ text: 'Echo: hi' }],
    })
    expect(dual.sessions).toEqual([legacy.sessionId])
  })

  it('names both eras when a modern request asks for a version it does not speak', async () => {
    const { answer, response } = await modernCall(
      dual.mcpUrl,
      'tools/list',
      {},
      {
        version: '2030-01-01',
      },
    )
    expect(response.status).toBe(400)
    expect((await answer).error).toMatchObject({
      code: -32022,
      data: {
        supported: [
          '2026-07-28',
          '2025-11-25',
          '2025-06-18',
          '2025-03-26',
          '2024-11-05',
        ],
      },
    })
  })

  it('answers initialize with a 2025 version even when asked for 2026-07-28', async () => {
    const response = await postMCP(
      dual.mcpUrl,
      rpcRequest('initialize', {
        protocolVersion: '2026-07-28',
        capabilities: {},
      }),
      { Accept: 'application/json, text/event-stream' },
    )
    expect(response.headers.get('mcp-session-id')).toBeTruthy()
    const text = await response.text()
    expect(text).toMatch(/"protocolVersion":"2025-11-25"/)
  })
})
