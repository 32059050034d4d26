/**
 * How protocol 2026-07-28 carries body values in headers (`Mcp-Name`, `Mcp-Param-*`): as they are
 * when they are plain header-safe ASCII, else wrapped in the `=?base64?…?=` sentinel.
 */

const SENTINEL = /^=\?base64\?([A-Za-z0-9+/=]*)\?=$/
/** Visible ASCII and space, without leading or trailing whitespace: safe as it is. */
const PLAIN = /^(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)?$/
/** Visible ASCII, space and tab: what a header value may hold at all (RFC 9110). */
const FIELD_VALUE = /^[\t\x20-\x7e]*$/

/** Base64 of the UTF-8 of `text` (`btoa` alone takes Latin-1 only). */
export function toBase64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text))
    binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** The text whose UTF-8 `base64` holds; throws on malformed input. */
export function fromBase64(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
}

/**
 * A value as a header carries it: strings as they are when plain ASCII, integers in decimal,
 * booleans as `true`/`false`; anything else (non-ASCII, control characters, edge whitespace, or
 * text that looks like the sentinel itself) Base64-wrapped.
 */
export function encodeHeaderValue(value: string | number | boolean): string {
  const text = typeof value === 'string' ? value : String(value)
  if (PLAIN.test(text) && !SENTINEL.test(text)) return text
  return `=?base64?${toBase64(text)}?=`
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
