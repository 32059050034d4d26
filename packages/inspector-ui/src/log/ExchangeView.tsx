import type { JSONRPCMessage } from '@mcp-sse/core'
import { Json } from '../ui/Json'
import type { LogEntry } from './entry'
import type { Exchange } from './exchanges'
import type { LogModel } from './model'
import { useInspector } from '../inspector/context'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function messageOf(entry: LogEntry | undefined): JSONRPCMessage | undefined {
  const event = entry?.event
  return event?.type === 'message-in' || event?.type === 'message-out'
    ? event.message
    : undefined
}

/** What round `n`'s answer asked for: its `inputRequests`, by key. */
function inputRequestsOf(
  logModel: LogModel,
  request: LogEntry | undefined,
): Record<string, unknown> {
  const answer =
    request?.pair === undefined ? undefined : logModel.get(request.pair)
  const message = messageOf(answer)
  if (message === undefined || !('result' in message)) return {}
  return isRecord(message.result.inputRequests)
    ? message.result.inputRequests
    : {}
}

/** What the client sent back in a round's request: its `inputResponses`, by key. */
function inputResponsesOf(
  request: LogEntry | undefined,
): Record<string, unknown> {
  const message = messageOf(request)
  if (message === undefined || !('method' in message)) return {}
  const responses = message.params?.inputResponses
  return isRecord(responses) ? responses : {}
}

/** One line for an input request: its method and, for an elicitation, its message (as text). */
function describeInput(request: unknown): string {
  if (!isRecord(request)) return 'not a request'
  const method = typeof request.method === 'string' ? request.method : '?'
  const params = isRecord(request.params) ? request.params : {}
  return typeof params.message === 'string'
    ? `${method}: “${params.message}”`
    : method
}

/**
 * The rounds of one multi round-trip request, in the detail of any of its rows: what each round's
 * answer asked for, and what the next round sent back. Everything shown is text.
 */
export function ExchangeView({ exchange }: { exchange: Exchange }) {
  const { logModel, logActions } = useInspector()
  const first = logModel.get(exchange.first)
  return (
    <details open className="exchange" data-testid="exchange">
      <summary>
        multi round-trip {exchange.method ?? 'request'}{' '}
        {first?.rpcId !== undefined && `#${String(first.rpcId)}`}:{' '}
        {exchange.rounds.length} rounds{' '}
        <button
          type="button"
          className="link"
          onClick={() => logActions.setFilters({ exchange: exchange.first })}
        >
          show only these rows
        </button>
      </summary>
      <ol className="exchange-rounds">
        {exchange.rounds.map((round, i) => {
          const request = logModel.get(round.request)
          const next = exchange.rounds[i + 1]
          const asked = inputRequestsOf(logModel, request)
          const sent = inputResponsesOf(
            next === undefined ? undefined : logModel.get(next.request),
          )
          const keys = Object.keys(asked)
          return (
            <li key={round.round} data-testid={`exchange-round-${round.round}`}>
              <button
                type="button"
                className="link"
                onClick={() => logActions.select(round.request)}
              >
                round {round.round}: #{String(request?.rpcId ?? '?')}
              </button>{' '}
              {keys.length === 0 ? (
                <span className="hint">
                  {request?.pair === undefined
                    ? 'waiting for its answer'
                    : 'complete'}
                </span>
              ) : (
                <ul>
                  {keys.map((key) => (
                    <li key={key}>
                      <code>{key}</code> asked {describeInput(asked[key])}
                      {key in sent ? (
                        <>
                          ; answered:
                          <Json value={sent[key]} />
                        </>
                      ) : (
                        <span className="hint"> (no answer sent yet)</span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          )
        })}
      </ol>
    </details>
  )
}
