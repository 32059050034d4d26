import type { JSONRPCNotification, JSONRPCRequest } from '../../jsonrpc'
import { encodeHeaderValue } from '../../modern/header-values'
import { META } from '../../modern/revision'
import type {
  ClientCapabilities,
  Implementation,
  LoggingLevel,
} from '../../protocol'

/** What each stateless request says of the client: the session of earlier revisions, per request. */
export interface ClientDescription {
  clientInfo: Implementation
  /** Read per request, so a handler registered after connecting is declared from then on. */
  capabilities(): ClientCapabilities
  logLevel(): LoggingLevel | null
}

/** Requests whose `Mcp-Name` header mirrors a body field. */
const NAMED_BY: Readonly<Record<string, 'name' | 'uri'>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
}

/** `message` with the revision's protocol fields in `params._meta` (the caller's own kept). */
export function withProtocolMeta(
  message: JSONRPCRequest,
  protocolVersion: string,
  client: ClientDescription,
): JSONRPCRequest {
  const params = message.params ?? {}
  const own =
    typeof params._meta === 'object' && params._meta !== null
      ? (params._meta as Record<string, unknown>)
      : {}
  const level = client.logLevel()
  const meta: Record<string, unknown> = {
    ...own,
    [META.protocolVersion]: protocolVersion,
    [META.clientInfo]: client.clientInfo,
    [META.clientCapabilities]: client.capabilities(),
  }
  if (level !== null) meta[META.logLevel] = level
  return { ...message, params: { ...params, _meta: meta } }
}

/** The headers that mirror a request's body: version, method, and the name or URI it targets. */
export function mirroredHeaders(
  message: JSONRPCRequest | JSONRPCNotification,
  protocolVersion: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    'MCP-Protocol-Version': protocolVersion,
    'Mcp-Method': message.method,
  }
  const field = NAMED_BY[message.method]
  const name = field === undefined ? undefined : message.params?.[field]
  if (typeof name === 'string') headers['Mcp-Name'] = encodeHeaderValue(name)
  return headers
}
