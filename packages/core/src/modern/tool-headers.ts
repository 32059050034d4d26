/**
 * The `x-mcp-header` annotations of a tool's `inputSchema` (protocol 2026-07-28): parameters whose
 * values a client mirrors into `Mcp-Param-{name}` headers, and the rules that make a tool
 * definition invalid (a client must not offer or call such a tool).
 */
import { encodeHeaderValue } from './header-values'

/** One valid annotation: the header name part, and the argument path it mirrors. */
export interface HeaderAnnotation {
  readonly header: string
  readonly path: readonly string[]
}

export type ToolHeaders =
  | { readonly ok: true; readonly annotations: readonly HeaderAnnotation[] }
  | { readonly ok: false; readonly reason: string }

/** RFC 9110 `tchar`: what a header name may be made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const PRIMITIVE = new Set(['string', 'integer', 'boolean'])

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A schema's type is one primitive (optionally nullable): `number`, objects and arrays are not. */
function isPrimitiveType(type: unknown): boolean {
  if (typeof type === 'string') return PRIMITIVE.has(type)
  if (!Array.isArray(type)) return false
  const kinds = type.filter((t) => t !== 'null')
  return kinds.length === 1 && PRIMITIVE.has(String(kinds[0]))
}

interface Found {
  header: unknown
  path: string[]
  /** Reached through `properties` keys alone. */
  reachable: boolean
  type: unknown
}

/** Every `x-mcp-header` anywhere in `node`, with whether its chain is `properties` keys only. */
function collect(
  node: unknown,
  path: string[],
  reachable: boolean,
  into: Found[],
): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, path, false, into)
    return
  }
  if (!isObject(node)) return
  // The root is no parameter: an annotation on it maps to no argument.
  if ('x-mcp-header' in node)
    into.push({
      header: node['x-mcp-header'],
      path,
      reachable: reachable && path.length > 0,
      type: node.type,
    })
  for (const [key, child] of Object.entries(node)) {
    if (key === 'properties' && isObject(child)) {
      for (const [name, property] of Object.entries(child))
        collect(property, [...path, name], reachable, into)
    } else if (key !== 'x-mcp-header') {
      collect(child, path, false, into)
    }
  }
}

/** Reads and checks a tool's annotations; `ok: false` says why the definition is invalid. */
export function readToolHeaders(inputSchema: unknown): ToolHeaders {
  const found: Found[] = []
  collect(inputSchema, [], true, found)
  const annotations: HeaderAnnotation[] = []
  const seen = new Set<string>()
  for (const { header, path, reachable, type } of found) {
    const where =
      path.length > 0 ? `parameter '${path.join('.')}'` : 'the schema'
    if (typeof header !== 'string' || header === '')
      return invalid(`the x-mcp-header of ${where} is empty or not a string`)
    if (!TOKEN.test(header))
      return invalid(
        `x-mcp-header '${header}' of ${where} is not a valid header name`,
      )
    if (!reachable)
      return invalid(
        `x-mcp-header '${header}' sits where no argument maps to it (inside items, a composition, a condition or $ref)`,
      )
    if (!isPrimitiveType(type))
      return invalid(
        `x-mcp-header '${header}' is on ${where} of type ${JSON.stringify(type ?? 'unknown')}; only string, integer and boolean may be mirrored`,
      )
    const key = header.toLowerCase()
    if (seen.has(key))
      return invalid(
        `x-mcp-header '${header}' is used twice (names are case-insensitive)`,
      )
    seen.add(key)
    annotations.push({ header, path })
  }
  return { ok: true, annotations }
}

function invalid(reason: string): ToolHeaders {
  return { ok: false, reason }
}

/** The argument at `path`, if there is one. */
function valueAt(args: unknown, path: readonly string[]): unknown {
  let node = args
  for (const key of path) {
    if (!isObject(node)) return undefined
    node = node[key]
  }
  return node
}

/**
 * The `Mcp-Param-*` headers for one call's arguments. Absent and null values send no header; a
 * value of the wrong kind, or an integer past JavaScript's safe range, is refused (thrown as text).
 */
export function paramHeaders(
  annotations: readonly HeaderAnnotation[],
  args: unknown,
): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const { header, path } of annotations) {
    const value = valueAt(args, path)
    if (value === undefined || value === null) continue
    if (typeof value === 'number' && !Number.isSafeInteger(value))
      throw new RangeError(
        `argument '${path.join('.')}' (${value}) is mirrored into the Mcp-Param-${header} header, which takes safe integers only`,
      )
    if (
      typeof value !== 'string' &&
      typeof value !== 'number' &&
      typeof value !== 'boolean'
    )
      throw new TypeError(
        `argument '${path.join('.')}' is mirrored into the Mcp-Param-${header} header, which takes a string, integer or boolean, not ${Array.isArray(value) ? 'an array' : typeof value}`,
      )
    headers[`Mcp-Param-${header}`] = encodeHeaderValue(value)
  }
  return headers
}
