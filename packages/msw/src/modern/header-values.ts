/**
 * The values protocol 2026-07-28 mirrors into headers (`Mcp-Name`, `Mcp-Param-*`): the Base64
 * sentinel they may be wrapped in, and the `x-mcp-header` annotations of a tool's schema.
 */

const SENTINEL = /^=\?base64\?([A-Za-z0-9+/=]*)\?=$/
/** RFC 9110 `tchar`, what a header name may be made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
/** Visible ASCII, space and tab: what a header value may hold (RFC 9110). */
const FIELD_VALUE = /^[\t\x20-\x7e]*$/

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

/** A header's value as the body would hold it, or `undefined` when it is malformed. */
export function decodeHeaderValue(raw: string): string | undefined {
  if (!FIELD_VALUE.test(raw)) return undefined
  const wrapped = SENTINEL.exec(raw)
  if (wrapped === null) return raw
  try {
    return fromBase64(wrapped[1] ?? '')
  } catch {
    return undefined
  }
}

/** One `x-mcp-header` annotation: which header, and the argument path it mirrors. */
export interface HeaderAnnotation {
  header: string
  path: string[]
  type: unknown
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The valid annotations of a tool's `inputSchema`, reached through `properties` chains only.
 * Invalid ones (not a token, a `number` or non-primitive type, a duplicate name) are left out:
 * the mock validates what a conforming client would send, and clients must not call such tools.
 */
export function headerAnnotations(schema: unknown): HeaderAnnotation[] {
  const found: HeaderAnnotation[] = []
  const walk = (node: unknown, path: string[]) => {
    if (!isObject(node) || !isObject(node.properties)) return
    for (const [key, child] of Object.entries(node.properties)) {
      if (!isObject(child)) continue
      const header = child['x-mcp-header']
      const primitive = ['string', 'integer', 'boolean'].includes(
        String(child.type),
      )
      if (typeof header === 'string' && TOKEN.test(header) && primitive) {
        found.push({ header, path: [...path, key], type: child.type })
      }
      walk(child, [...path, key])
    }
  }
  walk(schema, [])
  const names = found.map((a) => a.header.toLowerCase())
  return found.filter(
    (a) =>
      names.indexOf(a.header.toLowerCase()) ===
      names.lastIndexOf(a.header.toLowerCase()),
  )
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
