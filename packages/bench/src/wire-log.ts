import type { JSONRPCMessage, WireEvent } from '@mcp-sse/core'

/** The inspector's export format (playground/src/log/transfer.ts), which its import reads back. */
export interface LogFile {
  format: 'mcp-sse-log'
  version: 1
  exportedAt: string
  events: { session: string; event: WireEvent }[]
}

/** A wire event before it is numbered and stamped (Omit applied to each member of the union). */
type Draft = DistributiveOmit<WireEvent, 'seq' | 'time'>
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown
  ? Omit<T, K>
  : never

/**
 * A log like a busy session would leave: a stream opening, then `tools/call` after `tools/call`, each
 * seen as the message going out, its POST, the SSE frame and the message coming back.
 */
export function generateWireLog(count: number, session = 'bench'): LogFile {
  const events: WireEvent[] = []
  const base = Date.UTC(2026, 10, 21)
  let seq = 0
  const push = (event: Draft) => {
    events.push({ ...event, seq, time: base + seq })
    seq++
  }
  const url = 'http://127.0.0.1:3001'
  push({ type: 'stream-open', url: `${url}/sse`, status: 200, via: 'fetch' })
  push({
    type: 'sse-frame',
    event: 'endpoint',
    data: '/message?sessionId=bench',
  })
  push({
    type: 'endpoint',
    url: `${url}/message?sessionId=bench`,
    source: 'event',
  })
  for (let id = 1; events.length < count; id++) {
    const request: JSONRPCMessage = {
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name: 'echo', arguments: { message: `hello ${id}` } },
    }
    const response: JSONRPCMessage = {
      jsonrpc: '2.0',
      id,
      result: { content: [{ type: 'text', text: `hello ${id}` }] },
    }
    const body = JSON.stringify(request)
    push({ type: 'message-out', message: request })
    push({
      type: 'post',
      url: `${url}/message?sessionId=bench`,
      headers: { 'content-type': 'application/json' },
      body,
      status: 202,
      durationMs: 0.4,
    })
    push({
      type: 'sse-frame',
      event: 'message',
      data: JSON.stringify(response),
    })
    push({ type: 'message-in', message: response, via: 'stream' })
  }
  return {
    format: 'mcp-sse-log',
    version: 1,
    exportedAt: new Date(base).toISOString(),
    events: events.slice(0, count).map((event) => ({ session, event })),
  }
}
