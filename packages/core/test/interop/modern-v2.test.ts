import { startV2Server, type RunningV2Server } from '@mcp-sse/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isMCPError } from '../../src/index'
import type { Progress } from '../../src/index'
import { recordWire } from './helpers'
import {
  calls,
  dumpOnFailure,
  posts,
  probes,
  sentMethods,
  useClients,
} from './modern-v2-support'

/**
 * Protocol 2026-07-28 against the official v2 SDK server (`@modelcontextprotocol/server` 2.4.0,
 * `createMcpHandler` on node:http), strict: it serves no 2025-era client.
 */
const client = useClients()
let server: RunningV2Server
beforeAll(async () => {
  server = await startV2Server()
})
afterAll(async () => {
  await server.stop()
})

describe('finding the v2 SDK server', () => {
  it('by its URL under auto: server/discover first, 2026-07-28, no session', async () => {
    const mcp = client({ url: server.url })
    const wire = recordWire(mcp)
    dumpOnFailure(wire)
    const init = await mcp.connect()
    expect(init.serverInfo.name).toBe('mcp-sse-v2-test-server')
    expect(mcp.getSnapshot()).toMatchObject({
      status: 'ready',
      transport: 'streamable-http',
      protocolVersion: '2026-07-28',
      sessionId: null,
      endpoint: server.url,
    })
    expect(probes(wire)).toEqual([[server.url, 'modern', 'ok']])
    expect(sentMethods(wire)).not.toContain('initialize')
    const [discover] = posts(wire)
    expect(discover?.status).toBe(200)
    expect(discover?.headers).toMatchObject({
      'MCP-Protocol-Version': '2026-07-28',
      'Mcp-Method': 'server/discover',
    })
    expect(discover?.responseHeaders?.['mcp-session-id']).toBeUndefined()
  })

  it('by its bare origin under auto: the root answers 404, /mcp speaks 2026-07-28', async () => {
    const mcp = client({ url: server.origin })
    const wire = recordWire(mcp)
    dumpOnFailure(wire)
    await mcp.connect()
    expect(mcp.getSnapshot()).toMatchObject({
      protocolVersion: '2026-07-28',
      sessionId: null,
      endpoint: server.url,
    })
    // A 404 at the root rules out initialize there: one refused POST, then /mcp.
    expect(probes(wire)).toEqual([
      [`${server.origin}/`, 'modern', 'fallback'],
      [server.url, 'modern', 'ok'],
    ])
  })
})

describe('requests on the stateless wire', () => {
  it('lists and calls echo, mirroring method and name into headers', async () => {
    const mcp = client({ url: server.url })
    const wire = recordWire(mcp)
    dumpOnFailure(wire)
    await mcp.connect()
    const names = (await mcp.listAllTools()).map((tool) => tool.name)
    expect(names).toEqual(
      expect.arrayContaining(['echo', 'greet', 'countdown', 'add-tool']),
    )
    const result = await mcp.callTool('echo', { message: 'hi there' })
    expect(result.content).toEqual([{ type: 'text', text: 'hi there' }])
    const call = posts(wire).find((p) => p.headers['Mcp-Name'] === 'echo')
    expect(call).toMatchObject({
      status: 200,
      headers: {
        'Mcp-Method': 'tools/call',
        'MCP-Protocol-Version': '2026-07-28',
      },
    })
  })

  it('mirrors an x-mcp-header parameter, Base64 where the value needs it, and the server agrees', async () => {
    const mcp = client({ url: server.url })
    const wire = recordWire(mcp)
    dumpOnFailure(wire)
    await mcp.connect()
    await mcp.listAllTools()
    for (const region of ['us-west1', 'Zürich 世界', ' padded '])
      expect((await mcp.callTool('regional', { region })).content).toEqual([
        { type: 'text', text: region },
      ])
    expect(
      posts(wire)
        .filter((p) => p.headers['Mcp-Name'] === 'regional')
        .map((p) => [p.status, p.headers['Mcp-Param-Region']]),
    ).toEqual([
      [200, 'us-west1'],
      [200, '=?base64?WsO8cmljaCDkuJbnlYw=?='],
      [200, '=?base64?IHBhZGRlZCA=?='],
    ])
  })

  // Found here: before any tools/list the core sent no Mcp-Param-Region, the SDK answered 400 with
  // -32020 HeaderMismatch ("the body carries region=… but the Mcp-Param-Region header is absent"),
  // as the spec requires, and the core rejected the call. The spec (transports/streamable-http,
  // Client Behavior) says the client SHOULD then call tools/list and retry with the headers.
  it('recovers from HeaderMismatch on a tool it had not listed: lists, then retries with the header', async () => {
    const mcp = client({ url: server.url })
    const wire = recordWire(mcp)
    dumpOnFailure(wire)
    await mcp.connect()
    const result = await mcp.callTool('regional', { region: 'eu-north1' })
    expect(result.content).toEqual([{ type: 'text', text: 'eu-north1' }])
    const tries = posts(wire).filter(
      (p) => p.headers['Mcp-Name'] === 'regional',
    )
    expect(tries.map((p) => [p.status, p.headers['Mcp-Param-Region']])).toEqual(
      [
        [400, undefined],
        [200, 'eu-north1'],
      ],
    )
  })

  it('delivers progress to onProgress', async () => {
    const mcp = client({ url: server.url })
    await mcp.connect()
    const seen: Progress[] = []
    const result = await mcp.callTool(
      'countdown',
      { steps: 3 },
      { onProgress: (progress) => seen.push(progress) },
    )
    expect(result.content).toEqual([{ type: 'text', text: 'liftoff' }])
    expect(seen.map((p) => [p.progress, p.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ])
  })
})

describe('multi round-trip requests', () => {
  it('answers the eliciting tool through setRequestHandler and retries under a new id', async () => {
    const mcp = client({ url: server.url })
    const wire = recordWire(mcp)
    dumpOnFailure(wire)
    const asked: unknown[] = []
    mcp.setRequestHandler('elicitation/create', (params) => {
      asked.push(params?.message)
      return { action: 'accept', content: { name: 'Ada' } }
    })
    await mcp.connect()
    const result = await mcp.callTool('greet', {})
    expect(result.content).toEqual([{ type: 'text', text: 'Hello Ada' }])
    expect(asked).toEqual(['What is your name?'])
    const [first, retry, ...more] = calls(wire, 'greet')
    expect(more).toEqual([])
    expect(first?.id).not.toBe(retry?.id)
    expect(first?.params).not.toHaveProperty('inputResponses')
    expect(retry?.params).toMatchObject({
      inputResponses: { name: { action: 'accept', content: { name: 'Ada' } } },
      _meta: {
        'io.modelcontextprotocol/clientCapabilities': { elicitation: {} },
      },
    })
    // The server sent no requestState, so none may be sent back.
    expect(retry?.params).not.toHaveProperty('requestState')
  })

  it('passes a decline to the server, which answers without a name', async () => {
    const mcp = client({ url: server.url })
    mcp.setRequestHandler('elicitation/create', () => ({ action: 'decline' }))
    await mcp.connect()
    const result = await mcp.callTool('greet', {})
    expect(result.content).toEqual([
      { type: 'text', text: 'No name (decline)' },
    ])
  })

  it('goes through two rounds, echoing the exact requestState only in the round after it', async () => {
    const mcp = client({ url: server.url })
    const wire = recordWire(mcp)
    dumpOnFailure(wire)
    const answers = [{ name: 'Bo' }, { colour: 'red' }]
    mcp.setRequestHandler('elicitation/create', () => ({
      action: 'accept',
      content: answers.shift() ?? {},
    }))
    await mcp.connect()
    const result = await mcp.callTool('survey', {})
    expect(result.content).toEqual([{ type: 'text', text: 'Bo likes red' }])
    const rounds = calls(wire, 'survey').map((call) => call.params)
    expect(rounds).toHaveLength(3)
    expect(rounds[1]).not.toHaveProperty('requestState')
    expect(rounds[2]).toMatchObject({
      requestState: 'Bo',
      inputResponses: {
        colour: { action: 'accept', content: { colour: 'red' } },
      },
    })
  })

  it('without an elicitation handler the server refuses with -32021 and the call says what to do', async () => {
    const mcp = client({ url: server.url })
    const wire = recordWire(mcp)
    await mcp.connect()
    const error = await mcp.callTool('greet', {}).catch((e: unknown) => e)
    expect(isMCPError(error) && [error.code, error.rpcCode]).toEqual([
      'rpc',
      -32021,
    ])
    expect(isMCPError(error) && error.message).toMatch(/setRequestHandler/)
    expect(posts(wire).at(-1)?.status).toBe(400)
  })
})
