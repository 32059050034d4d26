/**
 * Names protocol 2026-07-28 defines: the per-request `_meta` keys, its error codes, and which
 * revisions belong to the stateless ("modern") era.
 */

/** The first revision without sessions or `initialize`. */
export const MODERN_PROTOCOL_VERSION = '2026-07-28'

/** Revisions the client speaks statelessly, newest first. */
export const MODERN_PROTOCOL_VERSIONS = [MODERN_PROTOCOL_VERSION] as const

/** Whether `version` belongs to the stateless era; revisions are dates, so they compare as text. */
export function isModernVersion(version: string | null | undefined): boolean {
  return typeof version === 'string' && version >= MODERN_PROTOCOL_VERSION
}

/** The `_meta` keys the revision reserves for protocol fields. */
export const META = {
  protocolVersion: 'io.modelcontextprotocol/protocolVersion',
  clientInfo: 'io.modelcontextprotocol/clientInfo',
  clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
  logLevel: 'io.modelcontextprotocol/logLevel',
  serverInfo: 'io.modelcontextprotocol/serverInfo',
  subscriptionId: 'io.modelcontextprotocol/subscriptionId',
} as const

/** JSON-RPC error codes of protocol 2026-07-28. */
export const ModernErrorCode = {
  /** The mirrored headers do not match the body, or a required one is missing. */
  HeaderMismatch: -32020,
  /** The request needs a client capability its `_meta` did not declare. */
  MissingRequiredClientCapability: -32021,
  /** The server does not speak the requested revision; `data.supported` lists those it does. */
  UnsupportedProtocolVersion: -32022,
} as const

const MODERN_CODES: ReadonlySet<number> = new Set(
  Object.values(ModernErrorCode),
)

/** Whether a JSON-RPC error code is one only a 2026-07-28 server sends (so the server is modern). */
export function isModernErrorCode(code: unknown): boolean {
  return typeof code === 'number' && MODERN_CODES.has(code)
}

/** Requests a server may answer with `input_required` (multi round-trip requests). */
export const MRTR_METHODS: ReadonlySet<string> = new Set([
  'tools/call',
  'prompts/get',
  'resources/read',
])
