import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { isMCPError } from '../index'
import { useModernNetwork } from './modern-fixture'
import { ofType } from './support'

const net = useModernNetwork()
const URL = 'http://localhost:3001/mcp'

const calls = (server: ReturnType<typeof net.serveModern>) =>
  server.received
    .map((r) => r.message)
    .filter((m) => 'method' in m && m.method === 'tools/call')

describe('protocol 2026-07-28: multi round-trip requests', () => {
  it('answers input_required with the registered handler and retries under a new id', async () => {
    const server = net.serveModern()
    const { client, wire } = net.client({ url: URL })
    const asked: unknown[] = []
    client.setRequestHandler('elicitation/create', (params) => {
      asked.push(params?.message)
      return { action: 'accept', content: { name: 'Ada' } }
    })
    await client.connect()
    const result = await client.callTool('greet', {})
    expect(result.content).toEqual([{ type: 'text', text: 'Hello Ada' }])
    expect(asked).toEqual(['Your name?'])
    const [first, retry] = calls(server)
    expect(
      first && 'id' in first && retry && 'id' in retry && first.id !== retry.id,
    ).toBe(true)
    expect(retry).toMatchObject({
      params: {
        name: 'greet',
        inputResponses: {
          'input-1': { action: 'accept', content: { name: 'Ada' } },
        },
        requestState: expect.any(String),
        _meta: {
          'io.modelcontextprotocol/clientCapabilities': { elicitation: {} },
        },
      },
    })
    expect(first).not.toHaveProperty('params.inputResponses')
    const [asking] = ofType(wire, 'input-required')
    expect(asking).toMatchObject({ round: 1, inputs: ['input-1'] })
    // The second round names its own id and the first one, before it is sent.
    expect(ofType(wire, 'input-round')).toEqual([
      expect.objectContaining({
        round: 2,
        firstRequestId: asking?.firstRequestId,
        requestId: retry && 'id' in retry ? retry.id : undefined,
      }),
    ])
  })

  it('goes through several rounds, elicitation then sampling, with the same handlers as 2025', async () => {
    net.serveModern()
    const { client } = net.client({ url: URL })
    client.setRequestHandler('elicitation/create', () => ({
      action: 'accept',
      content: { n: 1 },
    }))
    client.setRequestHandler('sampling/createMessage', () => ({
      role: 'assistant',
      content: { type: 'text', text: 'sampled' },
      model: 'test',
    }))
    await client.connect()
    const result = await client.callTool('two-questions', {})
    expect(result.content).toEqual([
      {
        type: 'text',
        text: JSON.stringify([{ n: 1 }, { type: 'text', text: 'sampled' }]),
      },
    ])
  })

  it('retries at once with the exact requestState when the server asks for nothing else', async () => {
    const server = net.serveModern()
    const { client, wire } = net.client({ url: URL })
    await client.connect()
    const result = await client.callTool('confirm', {})
    expect(result.content).toEqual([{ type: 'text', text: 'confirmed' }])
    const interim = ofType(wire, 'message-in')
      .map((event) => event.message)
      .find((m) => 'result' in m && m.result.resultType === 'input_required')
    const state =
      interim && 'result' in interim ? interim.result.requestState : undefined
    expect(typeof state).toBe('string')
    const [, retry] = calls(server)
    expect(retry).toMatchObject({ params: { requestState: state } })
    expect(retry).not.toHaveProperty('params.inputResponses')
  })

  it('says which handler is missing when the server asks for input the client cannot give', async () => {
    net.network.use(
      http.post(URL, async ({ request }) => {
        const body = (await request.json()) as { id: number; method: string }
        const result =
          body.method === 'server/discover'
            ? {
                resultType: 'complete',
                supportedVersions: ['2026-07-28'],
                capabilities: { tools: {} },
              }
            : {
                resultType: 'input_required',
                inputRequests: { where: { method: 'roots/list' } },
              }
        return HttpResponse.json({ jsonrpc: '2.0', id: body.id, result })
      }),
    )
    const { client } = net.client({ url: URL })
    await client.connect()
    const error = await client.callTool('anything', {}).catch((e) => e)
    expect(isMCPError(error, 'protocol')).toBe(true)
    expect((error as Error).message).toContain("setRequestHandler('roots/list'")
  })

  it('lets the caller abort while a handler waits for the user; the timeout spans every round', async () => {
    net.serveModern()
    const { client } = net.client({ url: URL })
    let seen: AbortSignal | undefined
    client.setRequestHandler('elicitation/create', (_params, extra) => {
      seen = extra.signal
      return new Promise(() => {})
    })
    await client.connect()
    const controller = new AbortController()
    const call = client.callTool('greet', {}, { signal: controller.signal })
    await new Promise((resolve) => setTimeout(resolve, 50))
    controller.abort('user closed the dialog')
    await expect(call).rejects.toMatchObject({ code: 'aborted' })
    expect(seen?.aborted).toBe(true)
    const timed = client.callTool('greet', {}, { timeout: 100 })
    await expect(timed).rejects.toMatchObject({ code: 'timeout' })
  })
})
