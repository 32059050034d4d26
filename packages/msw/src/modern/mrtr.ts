import {
  ModernErrorCode,
  type ClientCapabilities,
  type JSONRPCRequest,
  type RequestId,
} from '@mcp-sse/core'
import { ErrorCode, JSONRPCError } from '../rpc-error.js'
import type { ServerState } from '../state.js'
import { fromBase64, toBase64 } from './header-values.js'

/** Error codes protocol 2026-07-28 defines, as the core names them. */
export { ModernErrorCode }

export type InputRequests = Record<
  string,
  { method: string; params?: Record<string, unknown> }
>

/** Thrown through a tool's `run` to end the round with an `input_required` result. */
export class InputRequired extends Error {
  readonly result: { inputRequests?: InputRequests; requestState?: string }

  constructor(result: {
    inputRequests?: InputRequests
    requestState?: string
  }) {
    super('input required')
    this.name = 'InputRequired'
    this.result = result
  }
}

/** What one round of a multi round-trip `tools/call` knows from the rounds before it. */
export interface MRTRRound {
  /** The client's `inputResponses` on this round, as sent. */
  inputResponses: Record<string, unknown> | undefined
  /** The state the tool gave `inputRequired` last round. */
  toolState: string | undefined
  /** Every answer so far, by input request key: `ctx.request` reads them. */
  answers: Record<string, unknown>
  /** The capabilities the request's `_meta` declared: input requests need them. */
  declared: ClientCapabilities | undefined
}

interface StateBody {
  tool: string
  answers: Record<string, unknown>
  toolState?: string
  n: number
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const CAPABILITY_OF: Record<string, keyof ClientCapabilities> = {
  'elicitation/create': 'elicitation',
  'sampling/createMessage': 'sampling',
  'roots/list': 'roots',
}

/** -32021 when an input request needs a capability the request's `_meta` did not declare. */
export function checkCapability(
  method: string,
  declared: ClientCapabilities | undefined,
): void {
  const needed = CAPABILITY_OF[method]
  if (needed === undefined || isObject(declared?.[needed])) return
  throw new JSONRPCError(
    ModernErrorCode.MissingRequiredClientCapability,
    `Missing required client capability: ${String(needed)} (needed for ${method}); declare it in _meta io.modelcontextprotocol/clientCapabilities`,
    { requiredCapabilities: { [needed]: {} } },
  )
}

/**
 * Reads the round a request is on. `requestState` must be one this server issued, for this
 * tool, and echoed by a retry with a new id: anything else is refused, so a client that alters
 * the state, sends it on another call, or reuses the id is caught.
 */
export function readRound(
  state: ServerState,
  request: JSONRPCRequest,
  declared: ClientCapabilities | undefined,
): MRTRRound {
  const params = request.params ?? {}
  const raw = params.requestState
  const inputResponses = isObject(params.inputResponses)
    ? params.inputResponses
    : undefined
  if (raw === undefined) {
    const answers = { ...inputResponses }
    return { inputResponses, toolState: undefined, answers, declared }
  }
  const issued =
    typeof raw === 'string' ? state.issuedStates.get(raw) : undefined
  if (
    typeof raw !== 'string' ||
    issued === undefined ||
    request.method !== 'tools/call' ||
    issued.tool !== params.name
  ) {
    throw new JSONRPCError(
      ErrorCode.InvalidParams,
      'requestState is not one this server issued for this call: echo it unchanged, and only on the retry of the call that received it',
    )
  }
  if (issued.id === request.id) {
    throw new JSONRPCError(
      ErrorCode.InvalidRequest,
      `The retry reuses JSON-RPC id ${String(request.id)}; a retry is a new request and needs a new id`,
    )
  }
  const body = JSON.parse(fromBase64(raw)) as StateBody
  return {
    inputResponses,
    toolState: body.toolState,
    answers: { ...body.answers, ...inputResponses },
    declared,
  }
}

/** `ctx.request` in this era: an answer from an earlier round, or a new input request. */
export function mrtrAsker(round: MRTRRound) {
  let asked = 0
  return (method: string, params?: Record<string, unknown>) => {
    const key = `input-${++asked}`
    if (key in round.answers) {
      const answer = round.answers[key]
      return Promise.resolve(isObject(answer) ? answer : {})
    }
    try {
      checkCapability(method, round.declared)
    } catch (error) {
      return Promise.reject(
        error instanceof Error ? error : new Error(String(error)),
      )
    }
    const request = params === undefined ? { method } : { method, params }
    return Promise.reject(
      new InputRequired({ inputRequests: { [key]: request } }),
    )
  }
}

/** The `input_required` result a round ends with; its state is recorded to check the retry. */
export function inputRequiredResult(
  state: ServerState,
  request: JSONRPCRequest,
  round: MRTRRound,
  signal: InputRequired,
): Record<string, unknown> {
  const { inputRequests, requestState } = signal.result
  for (const entry of Object.values(inputRequests ?? {}))
    checkCapability(entry.method, round.declared)
  const tool = String(request.params?.name)
  const body: StateBody = {
    tool,
    answers: round.answers,
    n: state.issuedStates.size + 1,
  }
  if (requestState !== undefined) body.toolState = requestState
  const encoded = toBase64(JSON.stringify(body))
  state.issuedStates.set(encoded, { id: request.id, tool })
  const result: Record<string, unknown> = {
    resultType: 'input_required',
    requestState: encoded,
  }
  if (inputRequests !== undefined) result.inputRequests = inputRequests
  return result
}

export type IssuedState = { id: RequestId; tool: string }
