import type { JSONRPCRequest } from '@mcp-sse/core'
import { ErrorCode } from '../rpc-error.js'
import type { ServerState } from '../state.js'
import { decodeHeaderValue } from '@mcp-sse/core'
import { headerAnnotations, headerMatches, valueAt } from './header-values.js'
import { META, MODERN_VERSION, readMeta } from './meta.js'
import { ModernErrorCode } from './mrtr.js'

/** A request refused before it runs: the HTTP status and the JSON-RPC error it gets. */
export interface Refusal {
  status: number
  code: number
  message: string
  data?: unknown
}

const NAMED: Record<string, 'name' | 'uri'> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
}

function mismatch(message: string): Refusal {
  return {
    status: 400,
    code: ModernErrorCode.HeaderMismatch,
    message: `Header mismatch: ${message}`,
  }
}

/** A header that must mirror `value`: missing, malformed or different is a mismatch. */
function mirrorProblem(
  request: Request,
  header: string,
  value: unknown,
): Refusal | undefined {
  const raw = request.headers.get(header)
  if (raw === null) return mismatch(`the ${header} header is required`)
  const decoded = decodeHeaderValue(raw)
  if (decoded === undefined)
    return mismatch(`the ${header} header holds characters a header may not`)
  if (!headerMatches(decoded, value))
    return mismatch(
      `${header} header value '${decoded}' does not match body value '${String(value)}'`,
    )
  return undefined
}

/**
 * What a 2026-07-28 server checks before it runs a request, in the revision's order of
 * concern: the `_meta` protocol fields (-32602), the version (-32022), then the headers that
 * mirror the body (-32020): `MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name`, `Mcp-Param-*`.
 */
export function refusalOf(
  state: ServerState,
  request: Request,
  message: JSONRPCRequest,
  supported: readonly string[],
): Refusal | undefined {
  const meta = readMeta(message.params)
  const missing = [
    meta.protocolVersion === undefined ? META.protocolVersion : undefined,
    meta.clientCapabilities === undefined ? META.clientCapabilities : undefined,
  ].filter((key) => key !== undefined)
  if (missing.length > 0) {
    return {
      status: 400,
      code: ErrorCode.InvalidParams,
      message: `Invalid params: _meta must carry ${missing.join(' and ')}`,
    }
  }
  const version = meta.protocolVersion ?? ''
  if (!supported.includes(version) || version < MODERN_VERSION) {
    return {
      status: 400,
      code: ModernErrorCode.UnsupportedProtocolVersion,
      message: 'Unsupported protocol version',
      data: { supported: [...supported], requested: version },
    }
  }
  const problem =
    mirrorProblem(request, 'MCP-Protocol-Version', version) ??
    mirrorProblem(request, 'Mcp-Method', message.method)
  if (problem !== undefined) return problem
  const source = NAMED[message.method]
  if (source !== undefined) {
    const named = mirrorProblem(request, 'Mcp-Name', message.params?.[source])
    if (named !== undefined) return named
  }
  if (message.method !== 'tools/call') return undefined
  const tool = state.tools.find((t) => t.name === message.params?.name)
  for (const annotation of headerAnnotations(tool?.inputSchema)) {
    const value = valueAt(message.params?.arguments, annotation.path)
    if (value === undefined || value === null) continue
    const param = mirrorProblem(
      request,
      `Mcp-Param-${annotation.header}`,
      value,
    )
    if (param !== undefined) return param
  }
  return undefined
}
