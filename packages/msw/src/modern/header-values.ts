/**
 * What a 2026-07-28 server needs of the values mirrored into headers beyond the core's rules
 * (`decodeHeaderValue`, `readToolHeaders` from `@mcp-sse/core`): Base64 for its own request
 * state, reading an argument by path, and comparing a header with the body value.
 */
import { readToolHeaders, type HeaderAnnotation } from '@mcp-sse/core'

/** Base64 of the UTF-8 of `text` (`btoa` alone takes Latin-1 only). */
export function toBase64(text: string): string {
  return btoa(
    Array.from(new TextEncoder().encode(text), (b) =>
      String.fromCharCode(b),
    ).join(''),
  )
}

/** The text whose UTF-8 `base64` holds; throws on malformed input. */
export function fromBase64(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
}

/**
 * The annotations a conforming client mirrors for a tool: none for a tool whose annotations are
 * invalid, since such a client must not call it at all.
 */
export function headerAnnotations(
  schema: unknown,
): readonly HeaderAnnotation[] {
  const read = readToolHeaders(schema)
  return read.ok ? read.annotations : []
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The argument at `path`, if there is one. */
export function valueAt(args: unknown, path: readonly string[]): unknown {
  let node = args
  for (const key of path) {
    if (!isObject(node)) return undefined
    node = node[key]
  }
  return node
}

/** Whether a decoded header value stands for `value` (integers compared as numbers). */
export function headerMatches(decoded: string, value: unknown): boolean {
  if (typeof value === 'string') return decoded === value
  if (typeof value === 'boolean') return decoded === String(value)
  if (typeof value === 'number')
    return decoded.trim() !== '' && Number(decoded) === value
  return false
}
