import { MCPError } from '../../errors'
import type { JSONRPCMessage, RequestId } from '../../jsonrpc'
import { readMessages } from '../frame-reader'
import type { StreamableHTTPConfig } from '../streamable-http/http-context'
import type { StreamOrigin } from '../streamable-http/read-messages'
import { StreamCursor } from '../streamable-http/stream-cursor'

/** How reading one POST's answer ended. */
export type AnswerOutcome =
  | { kind: 'answered' }
  /** The stream ended or broke before the answer (streams of this revision cannot resume). */
  | { kind: 'lost'; error: MCPError }
  /** The reader was cancelled (the caller gave up). */
  | { kind: 'cancelled' }

export interface AnswerReader {
  outcome: Promise<AnswerOutcome>
  cancel(): void
}

/**
 * Reads the answer to request `id` from its POST response, JSON or an SSE stream scoped to the
 * request (its progress and log notifications first), handing each message to `deliver`.
 */
export function readAnswer(
  config: StreamableHTTPConfig,
  response: Response,
  id: RequestId,
  origin: StreamOrigin,
  deliver: (message: JSONRPCMessage) => void,
): AnswerReader {
  const contentType = response.headers.get('content-type')?.toLowerCase() ?? ''
  if (contentType.includes('text/event-stream') && response.body) {
    const cursor = new StreamCursor(config, origin)
    let answered = false
    let cancelled = false
    const outcome = cursor
      .read(response.body, (message) => {
        if (!('method' in message) && message.id === id) answered = true
        deliver(message)
      })
      .then((broke): AnswerOutcome => {
        if (answered) return { kind: 'answered' }
        if (cancelled) return { kind: 'cancelled' }
        return {
          kind: 'lost',
          error: new MCPError(
            'connection-lost',
            `The answer stream of request ${JSON.stringify(id)} ${broke ? 'broke off' : 'ended'} before its answer.`,
          ),
        }
      })
    return {
      outcome,
      cancel: () => {
        cancelled = true
        cursor.cancel()
      },
    }
  }
  const outcome = response.text().then(
    (text): AnswerOutcome => {
      const reading = contentType.includes('json') ? readMessages(text) : null
      if (!reading?.ok) {
        throw new MCPError(
          'protocol',
          `The POST of request ${JSON.stringify(id)} to ${config.url.href} was answered ${response.status} with ` +
            `${contentType ? `'${contentType}'` : 'no Content-Type'}, not a JSON-RPC answer.`,
          { status: response.status },
        )
      }
      for (const message of reading.messages) deliver(message)
      return { kind: 'answered' }
    },
    (cause: unknown): AnswerOutcome => ({
      kind: 'lost',
      error: new MCPError(
        'connection-lost',
        `The answer to request ${JSON.stringify(id)} broke off while it was read.`,
        { cause },
      ),
    }),
  )
  return { outcome, cancel: () => void response.body?.cancel().catch(() => {}) }
}
