import type { JSONRPCMessage, WireEvent } from '@mcp-sse/core'

export type Direction = 'in' | 'out' | 'none'

export interface EventSummary {
  direction: Direction
  /** One line: the method, id and outcome, or what happened to the stream. */
  text: string
}

function describeMessage(message: JSONRPCMessage): string {
  const id =
    'id' in message && message.id !== undefined ? ` #${String(message.id)}` : ''
  if ('method' in message) {
    const name =
      message.method === 'tools/call' &&
      typeof message.params === 'object' &&
      message.params !== null &&
      'name' in message.params
        ? ` ${String(message.params.name)}`
        : ''
    return `${message.method}${name}${id}`
  }
  if ('error' in message) return `error${id}: ${message.error.message}`
  return `result${id}`
}

/** What a row of the log says about one event. Plain text: it is rendered as text, never HTML. */
export function describe(event: WireEvent): EventSummary {
  switch (event.type) {
    case 'message-out':
      return { direction: 'out', text: describeMessage(event.message) }
    case 'message-in':
      return { direction: 'in', text: describeMessage(event.message) }
    case 'post':
      return {
        direction: 'out',
        text: `POST ${event.url} → ${event.status === null ? (event.error ?? 'no answer') : String(event.status)} (${String(Math.round(event.durationMs))} ms)`,
      }
    case 'stream-open':
      return {
        direction: 'in',
        text: `stream open ${event.url} (${String(event.status)}${event.stream === 'get' ? ', GET stream' : ''})`,
      }
    case 'stream-close':
      return { direction: 'none', text: `stream closed: ${event.reason}` }
    case 'stream-error':
      return { direction: 'none', text: `stream error: ${event.message}` }
    case 'sse-frame':
      return {
        direction: 'in',
        text: `frame ${event.event}${event.id === undefined ? '' : ` id=${event.id}`}: ${event.data.slice(0, 160)}`,
      }
    case 'sse-comment':
      return { direction: 'in', text: `: ${event.text}` }
    case 'endpoint':
      return {
        direction: 'none',
        text: `endpoint ${event.url} (${event.source})`,
      }
    case 'session-end':
      return {
        direction: 'out',
        text: `DELETE ${event.url} → ${event.status === null ? 'no answer' : String(event.status)}`,
      }
    case 'probe':
      return {
        direction: 'none',
        text: `probe ${event.transport}${event.modern ? ' 2026-07-28' : ''} ${event.url}: ${event.outcome}${event.reason ? ` (${event.reason})` : ''}`,
      }
    case 'parse-error':
      return { direction: 'in', text: `unreadable: ${event.message}` }
    case 'unmatched-response':
      return { direction: 'in', text: `unmatched response (${event.reason})` }
    case 'retry':
      return {
        direction: 'none',
        text: `retry ${String(event.attempt)} in ${String(event.delayMs)} ms: ${event.reason}`,
      }
    case 'tool-rejected':
      return {
        direction: 'none',
        text: `tool ${event.tool} left out: ${event.reason}`,
      }
    case 'input-required':
      return {
        direction: 'in',
        text: `input required #${String(event.requestId)} (round ${String(event.round)}): ${event.inputs.join(', ')}`,
      }
    case 'input-round':
      return {
        direction: 'out',
        text: `round ${String(event.round)} of #${String(event.firstRequestId)} as #${String(event.requestId)}`,
      }
  }
  // A kind this panel does not know yet fails the typecheck here; at run time (a newer core) it
  // shows by its name rather than breaking the log.
  const unknown: never = event
  return {
    direction: 'none',
    text: String((unknown as { type: unknown }).type),
  }
}

/** A `notifications/…/list_changed` the server sent, or null. */
export function listChangeOf(event: WireEvent): string | null {
  if (event.type !== 'message-in' || !('method' in event.message)) return null
  const { method } = event.message
  return /^notifications\/[a-z_]+\/list_changed$/.test(method) ? method : null
}
