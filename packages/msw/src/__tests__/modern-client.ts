/** Plain-fetch helpers for 2026-07-28 tests: a request with its `_meta` and mirrored headers. */
import { call, newId, type Call } from './streamable-client.js'

export interface ModernOptions {
  id?: number
  version?: string
  capabilities?: Record<string, unknown>
  /** Extra `_meta` fields (`progressToken`, `io.modelcontextprotocol/logLevel`). */
  meta?: Record<string, unknown>
  /** Headers to add or override (`null` drops one). */
  headers?: Record<string, string | null>
}

/** The body and headers a conforming client sends for `method`. */
export function modernRequest(
  method: string,
  params: Record<string, unknown> = {},
  options: ModernOptions = {},
) {
  const id = options.id ?? newId()
  const version = options.version ?? '2026-07-28'
  const body = {
    jsonrpc: '2.0' as const,
    id,
    method,
    params: {
      ...params,
      _meta: {
        'io.modelcontextprotocol/protocolVersion': version,
        'io.modelcontextprotocol/clientInfo': { name: 'test', version: '1' },
        'io.modelcontextprotocol/clientCapabilities': options.capabilities ?? {
          elicitation: {},
        },
        ...options.meta,
      },
    },
  }
  const headers: Record<string, string> = {
    'MCP-Protocol-Version': version,
    'Mcp-Method': method,
  }
  const name = params.name ?? params.uri
  if (typeof name === 'string') headers['Mcp-Name'] = name
  for (const [key, value] of Object.entries(options.headers ?? {})) {
    if (value === null) delete headers[key]
    else headers[key] = value
  }
  return { body, headers }
}

/** POSTs a 2026-07-28 request and reads its answer in whichever shape the server chose. */
export function modernCall(
  url: string,
  method: string,
  params?: Record<string, unknown>,
  options?: ModernOptions,
): Promise<Call> {
  const { body, headers } = modernRequest(method, params, options)
  return call(url, body, headers)
}
