import { describe, expect, it } from 'vitest'
import { modernCall, modernRequest } from './modern-client.js'
import { aborted, useModernServer } from './modern-fixture.js'
import { messagesOf, postMCP } from './streamable-client.js'

const server = useModernServer()
const url = server.mcpUrl

type Result = Record<string, unknown> & {
  resultType?: string
  requestState?: string
  inputRequests?: Record<string, { method: string }>
}

async function result(...args: Parameters<typeof modernCall>): Promise<Result> {
  const answer = await (await modernCall(...args)).answer
  return answer.result as Result
}

describe('2026-07-28: multi round-trip requests', () => {
  it('turns ctx.request into an input_required round, and completes on the retry', async () => {
    const first = await result(url, 'tools/call', { name: 'greet' }, { id: 1 })
    expect(first).toMatchObject({
      resultType: 'input_required',
      inputRequests: {
        'input-1': {
          method: 'elicitation/create',
          params: { message: 'Your name?' },
        },
      },
      requestState: expect.any(String),
    })
    const done = await result(
      url,
      'tools/call',
      {
        name: 'greet',
        inputResponses: {
          'input-1': { action: 'accept', content: { name: 'Ada' } },
        },
        requestState: first.requestState,
      },
      { id: 2 },
    )
    expect(done).toMatchObject({
      resultType: 'complete',
      content: [{ type: 'text', text: 'Hello Ada' }],
    })
  })

  it('carries earlier answers in its state across several rounds', async () => {
    const capabilities = { elicitation: {}, sampling: {} }
    const one = await result(
      url,
      'tools/call',
      { name: 'two-questions' },
      { capabilities },
    )
    expect(Object.keys(one.inputRequests ?? {})).toEqual(['input-1'])
    const two = await result(
      url,
      'tools/call',
      {
        name: 'two-questions',
        inputResponses: { 'input-1': { action: 'accept', content: { n: 1 } } },
        requestState: one.requestState,
      },
      { capabilities },
    )
    expect(two.inputRequests?.['input-2']?.method).toBe(
      'sampling/createMessage',
    )
    const three = await result(
      url,
      'tools/call',
      {
        name: 'two-questions',
        inputResponses: {
          'input-2': {
            role: 'assistant',
            content: { type: 'text', text: 'hi' },
          },
        },
        requestState: two.requestState,
      },
      { capabilities },
    )
    expect(three.content).toEqual([
      {
        type: 'text',
        text: '[{"action":"accept","content":{"n":1}},{"role":"assistant","content":{"type":"text","text":"hi"}}]',
      },
    ])
  })

  it('lets a tool drive the rounds itself with inputRequired and requestState', async () => {
    const first = await result(url, 'tools/call', { name: 'confirm' })
    expect(first.resultType).toBe('input_required')
    expect(first).not.toHaveProperty('inputRequests')
    const done = await result(url, 'tools/call', {
      name: 'confirm',
      requestState: first.requestState,
    })
    expect(done.content).toEqual([{ type: 'text', text: 'confirmed' }])
  })

  it('refuses a requestState that was altered, sent on another call, or retried under the same id', async () => {
    const first = await result(url, 'tools/call', { name: 'greet' }, { id: 10 })
    const state = first.requestState ?? ''
    const altered = await (
      await modernCall(url, 'tools/call', {
        name: 'greet',
        requestState: `${state}x`,
      })
    ).answer
    expect(altered.error).toMatchObject({ code: -32602 })
    const elsewhere = await (
      await modernCall(url, 'tools/call', {
        name: 'confirm',
        requestState: state,
      })
    ).answer
    expect(elsewhere.error).toMatchObject({ code: -32602 })
    const listed = await (
      await modernCall(url, 'tools/list', { requestState: state })
    ).answer
    expect(listed.error).toMatchObject({ code: -32602 })
    const sameId = await (
      await modernCall(
        url,
        'tools/call',
        { name: 'greet', requestState: state },
        { id: 10 },
      )
    ).answer
    expect(sameId.error).toMatchObject({
      code: -32600,
      message: expect.stringMatching(/new id/),
    })
  })

  it('answers 400 with -32021 when the request did not declare the capability asked for', async () => {
    const { body, headers } = modernRequest(
      'tools/call',
      { name: 'greet' },
      { capabilities: {} },
    )
    const response = await postMCP(url, body, headers)
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      error: {
        code: -32021,
        data: { requiredCapabilities: { elicitation: {} } },
      },
    })
  })
})

describe('2026-07-28: response streams', () => {
  it('streams progress, and log lines only at the logLevel the request set', async () => {
    const { stream, answer } = await modernCall(
      url,
      'tools/call',
      { name: 'steps' },
      {
        meta: {
          progressToken: 't',
          'io.modelcontextprotocol/logLevel': 'warning',
        },
      },
    )
    await answer
    await stream?.ended
    expect(messagesOf(stream!).map((m) => m.method ?? 'answer')).toEqual([
      'notifications/progress',
      'notifications/message',
      'notifications/progress',
      'answer',
    ])
    expect(stream!.events.every((e) => e.id === undefined)).toBe(true) // no resumption here
    const quiet = await modernCall(
      url,
      'tools/call',
      { name: 'steps' },
      { meta: { progressToken: 'q' } },
    )
    await quiet.answer
    await quiet.stream?.ended
    expect(
      messagesOf(quiet.stream!).some(
        (m) => m.method === 'notifications/message',
      ),
    ).toBe(false)
  })

  it('answers as one JSON body with response: json', async () => {
    server.setDialect({ response: 'json' })
    const { response, answer } = await modernCall(
      url,
      'tools/call',
      { name: 'steps' },
      {
        meta: { progressToken: 't' },
      },
    )
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    expect((await answer).result).toMatchObject({ content: [{ text: 'done' }] })
  })

  it('cancels a request when the client closes its response stream', async () => {
    const { stream } = await modernCall(
      url,
      'tools/call',
      { name: 'hold' },
      {
        id: 78,
        meta: { progressToken: 'h' },
      },
    )
    await stream!.message('notifications/progress')
    expect(server.openStreams.post).toBe(1)
    stream!.close()
    await expect.poll(() => aborted).toContain(78)
    expect(server.openStreams.post).toBe(0)
  })

  it('cancels a request whose POST the client aborts before anything was sent', async () => {
    const { body, headers } = modernRequest(
      'tools/call',
      { name: 'wait' },
      { id: 79 },
    )
    const abort = new AbortController()
    const pending = postMCP(url, body, headers, abort.signal)
    await server.waitForMessage((m) => 'id' in m.message && m.message.id === 79)
    abort.abort()
    await expect(pending).rejects.toThrow()
    await expect.poll(() => aborted).toContain(79)
  })
})
