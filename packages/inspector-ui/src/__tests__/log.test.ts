import type { WireEvent } from '@mcp-sse/core'
import { describe, expect, it } from 'vitest'
import { toCurl } from '../log/curl'
import { visibleRows, NO_FILTERS } from '../log/filters'
import { LogModel } from '../log/model'
import { RingBuffer } from '../log/ring'
import { parseLogFile, toLogFile } from '../log/transfer'

const out = (id: number, method: string, time: number): WireEvent => ({
  type: 'message-out',
  time,
  seq: id,
  message: { jsonrpc: '2.0', id, method, params: {} },
})
const answer = (id: number, time: number, error = false): WireEvent => ({
  type: 'message-in',
  time,
  seq: id,
  via: 'stream',
  message: error
    ? { jsonrpc: '2.0', id, error: { code: -32601, message: 'no such method' } }
    : { jsonrpc: '2.0', id, result: {} },
})

describe('the ring buffer', () => {
  it('keeps the newest items up to its capacity', () => {
    const ring = new RingBuffer<number>(3)
    for (let i = 1; i <= 5; i++) ring.push(i)
    expect(ring.toArray()).toEqual([3, 4, 5])
    expect(ring.resize(2)).toEqual([3])
    expect(ring.toArray()).toEqual([4, 5])
  })
})

describe('the log model', () => {
  it('pairs a request with its answer and records the time between', () => {
    const log = new LogModel()
    const request = log.add('s1', out(1, 'tools/list', 1000))
    log.add('s2', answer(1, 1010)) // other session: not its answer
    const reply = log.add('s1', answer(1, 1042))
    expect(request.pair).toBe(reply.n)
    expect(reply.pair).toBe(request.n)
    expect(reply.latencyMs).toBe(42)
    expect(reply.method).toBe('tools/list')
  })

  it('stays within its cap however many events arrive', () => {
    const log = new LogModel(1_000)
    for (let i = 0; i < 5_000; i++) log.add('s1', out(i, 'ping', i))
    expect(log.size).toBe(1_000)
    expect(log.at(0)?.rpcId).toBe(4_000)
    expect(log.get(1)).toBeUndefined()
  })

  it('filters by session, direction, method, errors and free text', () => {
    const log = new LogModel()
    log.add('s1', out(1, 'tools/call', 0))
    log.add('s1', answer(1, 5, true))
    log.add('s2', out(2, 'resources/read', 0))
    log.add('s2', { type: 'sse-comment', time: 1, seq: 9, text: 'keep-alive' })
    const rows = (patch: Partial<typeof NO_FILTERS>) =>
      visibleRows(log, { ...NO_FILTERS, ...patch })?.length
    expect(visibleRows(log, NO_FILTERS)).toBeNull()
    expect(rows({ session: 's2' })).toBe(2)
    expect(rows({ dir: 'out' })).toBe(2)
    expect(rows({ method: 'tools' })).toBe(2) // the answer inherits its request's method
    expect(rows({ errorsOnly: true })).toBe(1)
    expect(rows({ text: 'KEEP-ALIVE' })).toBe(1)
    expect(rows({ rpcOnly: true })).toBe(3)
  })
})

describe('export and import', () => {
  it('round-trips through the file format and accepts bare arrays', () => {
    const log = new LogModel()
    log.add('s1', out(1, 'ping', 0))
    log.add('s1', answer(1, 3))
    const file = JSON.stringify(toLogFile(log.entries()))
    const parsed = parseLogFile(file)
    expect(parsed.events).toHaveLength(2)
    expect(parsed.events[0]?.session).toBe('s1')
    const bare = parseLogFile(
      JSON.stringify([out(1, 'ping', 0), { nope: true }]),
    )
    expect(bare.events).toHaveLength(1)
    expect(bare.skipped).toBe(1)
    expect(() => parseLogFile('{')).toThrow(/not JSON/)
    expect(() => parseLogFile('{"a":1}')).toThrow(/no events/)
  })
})

describe('export redaction', () => {
  it('leaves credentials of POST headers out of the file', () => {
    const log = new LogModel()
    log.add('s1', {
      type: 'post',
      time: 0,
      seq: 1,
      url: 'http://a.test/message',
      headers: {
        Authorization: 'Bearer sk-secret',
        'Content-Type': 'application/json',
      },
      body: '{}',
      status: 202,
      durationMs: 3,
    })
    const file = JSON.stringify(toLogFile(log.entries()))
    expect(file).not.toContain('sk-secret')
    expect(file).toContain('application/json')
    // The live log itself keeps them, for the user's own eyes.
    expect(JSON.stringify(log.entries()[0]?.event)).toContain('sk-secret')
  })
})

describe('copy as curl', () => {
  const request = {
    url: 'http://localhost:3001/message?sessionId=abc',
    headers: {
      Authorization: 'Bearer sk-secret',
      'X-API-Key': 'k1',
      'X-Tenant': 'acme',
    },
    body: `{"jsonrpc":"2.0","id":1,"method":"ping","note":"it's"}`,
    freshId: 'curl-9',
  }
  it('redacts credentials unless asked to include them', () => {
    const redacted = toCurl(request).command
    expect(redacted).not.toContain('sk-secret')
    expect(redacted).not.toContain('k1')
    expect(redacted).toContain(`'Authorization: <redacted>'`)
    expect(redacted).toContain(`'X-Tenant: acme'`)
    expect(redacted).toContain(`it'\\''s`)
    expect(toCurl(request, true).command).toContain('Bearer sk-secret')
  })

  it('repeats a Streamable HTTP POST with both Accept types, the session and the version', () => {
    const curl = toCurl({
      url: 'http://localhost:3001/mcp',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        'Mcp-Session-Id': 'sess-1',
        'MCP-Protocol-Version': '2025-11-25',
      },
      body: '{"jsonrpc":"2.0","id":4,"method":"tools/list"}',
      transport: 'streamable-http',
      freshId: 'curl-4',
    })
    expect(curl.command).toMatch(
      /^curl -N -X POST 'http:\/\/localhost:3001\/mcp'/,
    )
    expect(curl.command).toContain(
      `'Accept: application/json, text/event-stream'`,
    )
    expect(curl.command).toContain(`'Mcp-Session-Id: sess-1'`)
    expect(curl.command).toContain(`'MCP-Protocol-Version: 2025-11-25'`)
    expect(curl.command).toContain('"id":"curl-4"')
    expect(curl.note).toBeNull()
  })

  it('says where an HTTP+SSE answer goes and sends a fresh id', () => {
    const curl = toCurl({
      ...request,
      transport: 'sse',
      streamUrl: 'http://localhost:3001/sse',
    })
    expect(curl.command).toContain('"id":"curl-9"')
    expect(curl.command).not.toContain('"id":1')
    expect(curl.note).toMatch(/202 Accepted/)
    expect(curl.note).toMatch(/unmatched response with id "curl-9"/)
    expect(curl.streamCommand).toBe(
      `curl -N -H 'Accept: text/event-stream' 'http://localhost:3001/sse'`,
    )
  })
})

describe('where each frame came from', () => {
  it('labels the GET stream, the POST answer streams and HTTP+SSE', () => {
    const log = new LogModel()
    const frame = (extra: object): WireEvent => ({
      type: 'sse-frame',
      time: 0,
      seq: 0,
      event: 'message',
      data: '{}',
      ...extra,
    })
    expect(log.add('h', frame({ stream: 'get' })).stream).toBe('GET')
    const inGet = log.add('h', {
      type: 'message-in',
      time: 0,
      seq: 1,
      via: 'stream',
      message: { jsonrpc: '2.0', method: 'notifications/tools/list_changed' },
    })
    expect(inGet.stream).toBe('GET')
    expect(log.add('h', frame({ requestId: 7 })).stream).toBe('POST #7')
    const inPost = log.add('h', {
      type: 'message-in',
      time: 0,
      seq: 2,
      via: 'post-body',
      requestId: 7,
      message: { jsonrpc: '2.0', id: 7, result: {} },
    })
    expect(inPost.stream).toBe('POST #7')
    expect(log.add('s', frame({})).stream).toBe('SSE')
    expect(
      log.add('h', {
        type: 'session-end',
        time: 0,
        seq: 3,
        url: 'x',
        status: 200,
      }).stream,
    ).toBe('DELETE')
  })

  it('marks a request the client cancelled, and a tool result with isError as an error', () => {
    const log = new LogModel()
    const call = log.add('s1', out(5, 'tools/call', 0))
    log.add('s1', {
      type: 'message-out',
      time: 3,
      seq: 6,
      message: {
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: 5 },
      },
    })
    expect(call.cancelled).toBe(true)
    const failed = log.add('s1', {
      type: 'message-in',
      time: 4,
      seq: 7,
      via: 'stream',
      message: {
        jsonrpc: '2.0',
        id: 8,
        result: { content: [], isError: true },
      },
    })
    expect(failed.isError).toBe(true)
    expect(visibleRows(log, { ...NO_FILTERS, errorsOnly: true })).toEqual([2])
  })

  it('marks a server-to-client request and the answer to it as a pair', () => {
    const log = new LogModel()
    const asked = log.add('s1', {
      type: 'message-in',
      time: 0,
      seq: 1,
      via: 'stream',
      message: { jsonrpc: '2.0', id: 0, method: 'sampling/createMessage' },
    })
    const answered = log.add('s1', {
      type: 'message-out',
      time: 9,
      seq: 2,
      message: { jsonrpc: '2.0', id: 0, result: { role: 'assistant' } },
    })
    expect(asked.serverRequest && answered.serverRequest).toBe(true)
    expect(answered.pair).toBe(asked.n)
    expect(answered.method).toBe('sampling/createMessage')
    expect(answered.latencyMs).toBe(9)
  })
})
