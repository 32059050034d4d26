import { MCPError } from './errors'
import type { InboundRouter } from './inbound'
import { JSONRPC_METHOD_NOT_FOUND, type RequestId } from './jsonrpc'
import type { RequestOptions } from './options'
import { abortError, timeoutError } from './request-errors'
import type { TrackOptions } from './request-tracker'
import type { WireTap } from './wire-tap'

/** Rounds after which a server that keeps asking is taken to be looping. */
const MAX_ROUNDS = 16

export interface ExchangeDeps {
  /** Sends one round; resolves with its result. */
  round(
    params: Record<string, unknown> | undefined,
    options: TrackOptions,
  ): Promise<Record<string, unknown>>
  inbound: InboundRouter
  wire: WireTap
  /** The client's default per-request timeout. */
  timeout: number
}

let exchanges = 0

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A request that may be answered `input_required` (protocol 2026-07-28's multi round-trip
 * requests): each round's input requests go to the handlers registered with `setRequestHandler`,
 * then the original request is sent again under a new id with their answers and the server's
 * exact `requestState`, until a complete result arrives. The caller's timeout, signal and progress
 * listener span every round, the time spent in handlers included.
 */
export async function exchange(
  method: string,
  params: Record<string, unknown> | undefined,
  options: RequestOptions,
  deps: ExchangeDeps,
): Promise<Record<string, unknown>> {
  const started = Date.now()
  const total = options.timeout ?? deps.timeout
  const left = () => total - (Date.now() - started)
  let roundParams = params
  let firstId: RequestId | undefined
  for (let round = 1; ; round++) {
    let id: RequestId | undefined
    const result = await deps.round(roundParams, {
      ...options,
      timeout: Math.max(1, left()),
      onId: (assigned) => {
        id = assigned
        firstId ??= assigned
        if (round > 1 && deps.wire.active)
          deps.wire.emit({
            type: 'input-round',
            requestId: assigned,
            firstRequestId: firstId,
            round,
          })
      },
    })
    const type = result.resultType
    if (type === undefined || type === 'complete') return result
    if (type !== 'input_required') {
      throw new MCPError(
        'protocol',
        `The server answered ${method} with resultType ${JSON.stringify(type)}, which this client does not know (it knows "complete" and "input_required"). Upgrade @mcp-sse/core or check the server.`,
      )
    }
    if (round >= MAX_ROUNDS) {
      throw new MCPError(
        'protocol',
        `The server still asked for input after ${MAX_ROUNDS} rounds of ${method}; it seems to be looping, so the client stopped.`,
      )
    }
    const requests = isObject(result.inputRequests) ? result.inputRequests : {}
    if (deps.wire.active && id !== undefined && firstId !== undefined)
      deps.wire.emit({
        type: 'input-required',
        requestId: id,
        firstRequestId: firstId,
        round,
        inputs: Object.keys(requests),
      })
    const answers = await withinDeadline(
      method,
      (signal) => answerInputs(method, requests, deps.inbound, signal),
      left(),
      options.signal,
    )
    const next: Record<string, unknown> = { ...params }
    if (Object.keys(requests).length > 0) next.inputResponses = answers
    if (typeof result.requestState === 'string')
      next.requestState = result.requestState
    roundParams = next
  }
}

/** Runs `work` until it settles, the time left runs out, or the caller aborts. */
async function withinDeadline<T>(
  method: string,
  work: (signal: AbortSignal) => Promise<T>,
  ms: number,
  callerSignal: AbortSignal | undefined,
): Promise<T> {
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  let onAbort = () => {}
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(method, ms)), Math.max(0, ms))
    onAbort = () => reject(abortError(method, callerSignal?.reason))
    if (callerSignal?.aborted) onAbort()
    callerSignal?.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([work(controller.signal), stop])
  } finally {
    clearTimeout(timer)
    callerSignal?.removeEventListener('abort', onAbort)
    controller.abort()
  }
}

/** Each input request answered by its handler, one after another (a user sees one at a time). */
async function answerInputs(
  method: string,
  requests: Record<string, unknown>,
  inbound: InboundRouter,
  signal: AbortSignal,
): Promise<Record<string, unknown>> {
  const exchange = ++exchanges
  const answers: Record<string, unknown> = {}
  for (const [key, request] of Object.entries(requests)) {
    if (!isObject(request) || typeof request.method !== 'string') {
      throw new MCPError(
        'protocol',
        `The server's input request '${key}' for ${method} is not a request (it needs a method); the call cannot go on.`,
      )
    }
    const response = await inbound.handleRequest(
      {
        jsonrpc: '2.0',
        id: `input-${exchange}-${key}`,
        method: request.method,
        ...(isObject(request.params) && { params: request.params }),
      },
      signal,
    )
    if (response === null) throw abortError(method, signal.reason)
    if ('error' in response) {
      if (response.error.code === JSONRPC_METHOD_NOT_FOUND) {
        throw new MCPError(
          'protocol',
          `The server needs ${request.method} input ('${key}') to answer ${method}, but this client has no handler for it, so it did not declare that capability. Register one with setRequestHandler('${request.method}', …).`,
        )
      }
      throw new MCPError(
        'rpc',
        `The ${request.method} handler failed while answering the server's input request '${key}' for ${method}: ${response.error.message}`,
        { rpcCode: response.error.code, data: response.error.data },
      )
    }
    answers[key] = response.result
  }
  return answers
}
