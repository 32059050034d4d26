import {
  META_KEYS as META,
  type ClientCapabilities,
  type LoggingLevel,
} from '@mcp-sse/core'
import { isLoggingLevel } from '../scope.js'

/** The `_meta` keys and first version of protocol 2026-07-28, as the core names them. */
export {
  META_KEYS as META,
  MODERN_PROTOCOL_VERSION as MODERN_VERSION,
} from '@mcp-sse/core'

/** The protocol fields one modern request carries, as far as they are well-formed. */
export interface RequestMeta {
  protocolVersion: string | undefined
  clientCapabilities: ClientCapabilities | undefined
  logLevel: LoggingLevel | undefined
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function readMeta(
  params: Record<string, unknown> | undefined,
): RequestMeta {
  const meta = isObject(params?._meta) ? params._meta : {}
  const version = meta[META.protocolVersion]
  const capabilities = meta[META.clientCapabilities]
  const level = meta[META.logLevel]
  return {
    protocolVersion: typeof version === 'string' ? version : undefined,
    clientCapabilities: isObject(capabilities) ? capabilities : undefined,
    logLevel: isLoggingLevel(level) ? level : undefined,
  }
}

/** Whether a request speaks the stateless era: its `_meta` names a protocol version. */
export function isModernRequest(
  params: Record<string, unknown> | undefined,
): boolean {
  return readMeta(params).protocolVersion !== undefined
}
