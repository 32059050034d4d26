import { isModernRequest } from './modern/meta.js'
import { MODERN_PROTOCOL_VERSION } from './versions.js'

const MODERN_ONLY = new Set(['server/discover', 'subscriptions/listen'])

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Which era a dual-era server serves a POST in, decided here alone: a body whose `_meta` names
 * a protocol version, a method only the stateless era has, or an `MCP-Protocol-Version` of that
 * era is modern; anything else (`initialize`, a session's requests, batches) is the 2025 era.
 */
export function eraOf(body: unknown, request: Request): 'modern' | 'legacy' {
  const header = request.headers.get('mcp-protocol-version')
  if (header !== null && header >= MODERN_PROTOCOL_VERSION) return 'modern'
  if (!isObject(body)) return 'legacy'
  if (typeof body.method === 'string' && MODERN_ONLY.has(body.method))
    return 'modern'
  const params = isObject(body.params) ? body.params : undefined
  return isModernRequest(params) ? 'modern' : 'legacy'
}
