import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { isMCPError } from '../index'
import { initializeResult, scriptedServer } from './streamable-server'
import { ofType, useMockNetwork, waitFor } from './support'

const net = useMockNetwork()
const URL = 'http://localhost:3001/mcp'

function serve(options: Parameters<typeof scriptedServer>[0] = {}) {
  const scripted = scriptedServer(options)
  net.network.use(...scripted.handlers)
  return scripted.server
}

const posted = (server: ReturnType<typeof serve>, method: string) =>
  server.received.filter(
    (r) =>
      r.method === 'POST' &&
      r.body &&
      'method' in r.body &&
      r.body.method === method,
  )

describe('Streamable HTTP', () => {
  it('sends the session id and agreed version on every request after initialize', async () => {
    const server = serve()
    const { client } = net.client({ url: URL })
    await client.connect()
    await client.ping()
    const [initialize] = posted(server, 'initialize')
    expect(initialize?.headers).toMatchObject({
      accept: 'application/json, text/event-stream',
      'mcp-session-id': null,
      'mcp-protocol-version': null,
    })
    for (const method of ['notifications/initialized', 'ping'])
      expect(posted(server, method)[0]?.headers).toMatchObject({
        'mcp-session-id': 'session-1',
        'mcp-protocol-version': '2025-11-25',
      })
    expect(client.getSnapshot()).toMatchObject({
      transport: 'streamable-http',
      sessionId: 'session-1',
      endpoint: URL,
    })
  })

  it('speaks to a 2025-03-26 server without the version header', async () => {
    const server = serve({
      answer: (request) => ({
        json: { jsonrpc: '2.0', id: request.id, result: {} },
      }),
    })
    net.network.use(
      http.post(URL, async ({ request }) => {
        const body = (await request.clone().json()) as {
          id: number
          method: string
        }
        if (body.method !== 'initialize') return undefined
        return HttpResponse.json(
          {
            jsonrpc: '2.0',
            id: body.id,
            result: {
              protocolVersion: '2025-03-26',
              capabilities: {},
              serverInfo: { name: 'old', version: '1' },
            },
          },
          { headers: { 'Mcp-Session-Id': 's-old' } },
        )
      }),
    )
    const { client } = net.client({ url: URL, protocolVersion: '2025-03-26' })
    await client.connect()
    await client.ping()
    expect(posted(server, 'ping')[0]?.headers).toMatchObject({
      'mcp-session-id': 's-old',
      'mcp-protocol-version': null,
    })
  })

  it('works with a stateless JSON-only server that offers no GET stream', async () => {
    const server = serve({ sessionId: null })
    const { client, wire } = net.client({ url: URL })
    await client.connect()
    await expect(client.ping()).resolves.toEqual({})
    expect(client.sessionId).toBeNull()
    expect(posted(server, 'ping')[0]?.headers['mcp-session-id']).toBeNull()
    expect(ofType(wire, 'stream-open')).toMatchObject([
      { stream: 'get', status: 405 },
    ])
    expect(client.getSnapshot().status).toBe('ready')
  })

  it('reads an SSE answer: priming event, progress, a log, then the result', async () => {
    serve({
      answer: (request) => ({
        events: [
          { id: 'e1', data: '' },
          {
            id: 'e2',
            data: {
              jsonrpc: '2.0',
              method: 'notifications/progress',
              params: { progressToken: request.id, progress: 1, total: 2 },
            },
          },
          {
            id: 'e3',
            data: {
              jsonrpc: '2.0',
              method: 'notifications/message',
              params: { level: 'info', data: 'working' },
            },
          },
          {
            id: 'e4',
            data: { jsonrpc: '2.0', id: request.id, result: { content: [] } },
          },
        ],
      }),
    })
    const { client, wire } = net.client({ url: URL })
    const logs: unknown[] = []
    client.onNotification('notifications/message', (params) =>
      logs.push(params?.data),
    )
    await client.connect()
    const progress: number[] = []
    await expect(
      client.callTool(
        'slow',
        {},
        { onProgress: (p) => progress.push(p.progress) },
      ),
    ).resolves.toEqual({ content: [] })
    expect(progress).toEqual([1])
    expect(logs).toEqual(['working'])
    const frames = ofType(wire, 'sse-frame').filter(
      (f) => f.requestId !== undefined,
    )
    expect(frames.map((f) => f.id)).toEqual(['e1', 'e2', 'e3', 'e4'])
    expect(ofType(wire, 'parse-error')).toEqual([])
  })

  it('resumes an answer stream the server closed after priming (SSE polling, retry:)', async () => {
    let resumedWith: string | null = null
    const server = serve({
      answer: () => ({ events: [{ id: 'p1', retry: 30, data: '' }] }),
      get: (request) => {
        const last = request.headers.get('last-event-id')
        if (last === null) return new HttpResponse(null, { status: 405 })
        resumedWith = last
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            const call = posted(server, 'tools/call')[0]?.body as { id: number }
            controller.enqueue(
              new TextEncoder().encode(
                `id: p2\ndata: ${JSON.stringify({ jsonrpc: '2.0', id: call.id, result: { content: [{ type: 'text', text: 'late' }] } })}\n\n`,
              ),
            )
            controller.close()
          },
        })
        return new HttpResponse(body, {
          headers: { 'Content-Type': 'text/event-stream' },
        })
      },
    })
    const { client } = net.client({ url: URL })
    await client.connect()
    await expect(client.callTool('poll', {})).resolves.toMatchObject({
      content: [{ text: 'late' }],
    })
    expect(resumedWith).toBe('p1')
  })

  it('re-sends a list whose answer stream broke with nothing to resume from; rejects a call', async () => {
    let lists = 0
    serve({
      answer: (request) => {
        if (request.method === 'tools/list' && ++lists > 1)
          return {
            json: { jsonrpc: '2.0', id: request.id, result: { tools: [] } },
          }
        return { events: [{ data: '' }], cut: true }
      },
    })
    const { client } = net.client({ url: URL })
    await client.connect()
    await expect(client.listTools()).resolves.toEqual({ tools: [] })
    expect(lists).toBe(2)
    const error = await client.callTool('once', {}).catch((e: unknown) => e)
    expect(isMCPError(error, 'connection-lost')).toBe(true)
    expect((error as Error).message).toMatch(/not safe to repeat/)
  })

  it('cancels: sends notifications/cancelled and stops reading the answer stream', async () => {
    let cancelledStream = false
    const server = serve({
      answer: () =>
        new HttpResponse(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('id: x\ndata: \n\n'))
            },
            cancel() {
              cancelledStream = true
            },
          }),
          {
            headers: {
              'Content-Type': 'text/event-stream',
              'Mcp-Session-Id': 'session-1',
            },
          },
        ),
    })
    const { client } = net.client({ url: URL })
    await client.connect()
    const controller = new AbortController()
    const call = client.callTool('forever', {}, { signal: controller.signal })
    await waitFor(() => posted(server, 'tools/call').length === 1, 'the call')
    await new Promise((resolve) => setTimeout(resolve, 20))
    controller.abort()
    expect(isMCPError(await call.catch((e: unknown) => e), 'aborted')).toBe(
      true,
    )
    await waitFor(
      () => posted(server, 'notifications/cancelled').length === 1,
      'the cancel',
    )
    await waitFor(() => cancelledStream, 'the answer stream to be cancelled')
  })

  it('opens a new session when the server forgot this one (404) and re-sends the request', async () => {
    let expired = false
    const server = serve({
      answer: (request) => {
        if (!expired) {
          expired = true
          return new HttpResponse('Session not found', { status: 404 })
        }
        return {
          json: { jsonrpc: '2.0', id: request.id, result: { tools: [] } },
        }
      },
    })
    const { client } = net.client({ url: URL })
    await client.connect()
    await expect(client.callTool('x', {})).resolves.toEqual({ tools: [] })
    expect(posted(server, 'initialize')).toHaveLength(2)
  })

  it('re-opens the GET stream after the server ends it, from its Last-Event-ID', async () => {
    let gets = 0
    const server = serve({
      get: () => {
        gets++
        if (gets > 2) return new HttpResponse(null, { status: 405 })
        const id = `g${gets}`
        return new HttpResponse(
          new ReadableStream({
            start(controller) {
              controller.enqueue(
                new TextEncoder().encode(
                  `id: ${id}\nretry: 20\ndata: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' })}\n\n`,
                ),
              )
              controller.close()
            },
          }),
          { headers: { 'Content-Type': 'text/event-stream' } },
        )
      },
    })
    const { client } = net.client({ url: URL })
    let changes = 0
    client.onNotification('notifications/tools/list_changed', () => changes++)
    await client.connect()
    await waitFor(() => changes === 2, 'two list changes')
    // The third GET is answered 405: the server stopped offering a stream, which is no failure.
    await waitFor(
      () => server.received.filter((r) => r.method === 'GET').length === 3,
      'the third GET',
    )
    const lastIds = server.received
      .filter((r) => r.method === 'GET')
      .map((r) => r.headers['last-event-id'])
    expect(lastIds.slice(0, 3)).toEqual([null, 'g1', 'g2'])
    expect(client.getSnapshot().status).toBe('ready')
  })

  it('ends the session with DELETE on disconnect', async () => {
    const server = serve()
    const { client, wire } = net.client({ url: URL })
    await client.connect()
    await client.disconnect()
    const deletes = server.received.filter((r) => r.method === 'DELETE')
    expect(deletes).toHaveLength(1)
    expect(deletes[0]?.headers['mcp-session-id']).toBe('session-1')
    expect(ofType(wire, 'session-end')).toMatchObject([{ status: 200 }])
  })

  it('answers a server request made on an answer stream, filling elicitation defaults', async () => {
    const server = serve({
      answer: (request) =>
        request.method === 'tools/call'
          ? {
              events: [
                {
                  data: {
                    jsonrpc: '2.0',
                    id: 'ask-1',
                    method: 'elicitation/create',
                    params: {
                      message: 'Who?',
                      requestedSchema: {
                        type: 'object',
                        properties: {
                          name: { type: 'string', default: 'Ada' },
                          age: { type: 'number' },
                        },
                      },
                    },
                  },
                },
              ],
              open: true,
            }
          : undefined,
    })
    const { client } = net.client({
      url: URL,
      capabilities: { elicitation: { form: { applyDefaults: true } } },
    })
    client.setRequestHandler('elicitation/create', () => ({
      action: 'accept',
      content: { age: 36 },
    }))
    await client.connect()
    void client.callTool('ask', {}).catch(() => {})
    await waitFor(
      () =>
        server.received.some(
          (r) => r.body && 'id' in r.body && r.body.id === 'ask-1',
        ),
      'the elicitation answer',
    )
    const answer = server.received.find(
      (r) => r.body && 'id' in r.body && r.body.id === 'ask-1',
    )?.body
    expect(answer).toEqual({
      jsonrpc: '2.0',
      id: 'ask-1',
      result: { action: 'accept', content: { age: 36, name: 'Ada' } },
    })
    expect(posted(server, 'initialize')[0]?.body).toMatchObject({
      params: {
        capabilities: { elicitation: { form: { applyDefaults: true } } },
      },
    })
  })

  it('takes a notification pushed before the initialize answer, and a slow first answer', async () => {
    const server = serve()
    net.network.use(
      http.post(URL, async ({ request }) => {
        const body = (await request.clone().json()) as {
          id: number
          method: string
        }
        if (body.method !== 'initialize') return undefined
        // A gateway that starts the server process for this POST: the answer takes a while.
        await new Promise((resolve) => setTimeout(resolve, 600))
        const events = [
          {
            jsonrpc: '2.0',
            method: 'notifications/message',
            params: { level: 'info', data: 'booting' },
          },
          initializeResult(body.id),
        ]
        return new HttpResponse(
          events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join(''),
          {
            headers: {
              'Content-Type': 'text/event-stream',
              'Mcp-Session-Id': 'slow-1',
            },
          },
        )
      }),
    )
    const { client } = net.client({ url: URL })
    const logs: unknown[] = []
    client.onNotification('notifications/message', (params) =>
      logs.push(params?.data),
    )
    await client.connect()
    expect(logs).toEqual(['booting'])
    expect(client.sessionId).toBe('slow-1')
    await client.ping()
    expect(posted(server, 'ping')[0]?.headers['mcp-session-id']).toBe('slow-1')
  })

  it('asks for tasks by their methods', async () => {
    const server = serve({
      answer: (request) => ({
        json: {
          jsonrpc: '2.0',
          id: request.id,
          result:
            request.method === 'tasks/list'
              ? { tasks: [{ taskId: 't1', status: 'working' }] }
              : request.method === 'tasks/result'
                ? { content: [{ type: 'text', text: 'done' }] }
                : { taskId: 't1', status: 'cancelled' },
        },
      }),
    })
    const { client } = net.client({ url: URL })
    await client.connect()
    await expect(client.getTask('t1')).resolves.toMatchObject({ taskId: 't1' })
    await expect(client.getTaskResult('t1')).resolves.toMatchObject({
      content: [{ text: 'done' }],
    })
    await expect(client.listTasks()).resolves.toMatchObject({
      tasks: [{ taskId: 't1' }],
    })
    await expect(client.cancelTask('t1')).resolves.toMatchObject({
      status: 'cancelled',
    })
    expect(
      server.received.flatMap((r) =>
        r.body && 'method' in r.body && r.body.method.startsWith('tasks/')
          ? [[r.body.method, r.body.params]]
          : [],
      ),
    ).toEqual([
      ['tasks/get', { taskId: 't1' }],
      ['tasks/result', { taskId: 't1' }],
      ['tasks/list', {}],
      ['tasks/cancel', { taskId: 't1' }],
    ])
  })
})
