import { ErrorCode, JSONRPCError } from './rpc-error.js'

/**
 * Cuts a list into pages. The cursor is the next item's index as a string: opaque to clients,
 * readable in a test's assertion.
 */
export function paginate<T>(
  items: readonly T[],
  cursor: unknown,
  pageSize: number | undefined,
): { page: T[]; nextCursor?: string } {
  let start = 0
  if (cursor !== undefined) {
    start = typeof cursor === 'string' ? Number(cursor) : Number.NaN
    if (!Number.isInteger(start) || start < 0 || start > items.length) {
      throw new JSONRPCError(
        ErrorCode.InvalidParams,
        `Invalid cursor: ${String(cursor)}`,
      )
    }
  }
  if (pageSize === undefined || pageSize <= 0)
    return { page: items.slice(start) }
  const end = start + pageSize
  const page = items.slice(start, end)
  return end < items.length ? { page, nextCursor: String(end) } : { page }
}

/** Drops the functions and content of a definition, leaving what a list result shows. */
export function listed(
  definition: Record<string, unknown>,
  omit: readonly string[],
): Record<string, unknown> {
  const entry: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(definition)) {
    if (
      typeof value === 'function' ||
      omit.includes(key) ||
      value === undefined
    )
      continue
    entry[key] = value
  }
  return entry
}
