import type { CacheHints } from './protocol'

/** The hints of results gathered from several pages (`listAll*`), which carry none themselves. */
const gathered = new WeakMap<object, CacheHints>()

function hintsIn(result: object): CacheHints | undefined {
  const { ttlMs, cacheScope } = result as CacheHints
  if (typeof ttlMs !== 'number' && cacheScope === undefined) return undefined
  return {
    ...(typeof ttlMs === 'number' && { ttlMs: Math.max(0, ttlMs) }),
    ...(cacheScope !== undefined && { cacheScope }),
  }
}

/**
 * The caching hints of a result (protocol 2026-07-28's `ttlMs` and `cacheScope`): those of a
 * list or read result itself, or, for what `listAllTools()` and the like return, the strictest of
 * its pages (the shortest `ttlMs`, `private` if any page was). Undefined when the server gave none
 * (servers before 2026-07-28): then freshness is the caller's call.
 *
 * @example
 * ```ts
 * const tools = await client.listAllTools()
 * const freshFor = cacheHintsOf(tools)?.ttlMs ?? 0
 * ```
 */
export function cacheHintsOf(result: unknown): CacheHints | undefined {
  if (typeof result !== 'object' || result === null) return undefined
  return gathered.get(result) ?? hintsIn(result)
}

/** Records on `items` the strictest hints of the pages it was gathered from. */
export function gatherHints(items: object, pages: readonly object[]): void {
  let merged: CacheHints | undefined
  for (const page of pages) {
    const hints = hintsIn(page)
    if (!hints) continue
    const ttl =
      merged?.ttlMs === undefined
        ? hints.ttlMs
        : hints.ttlMs === undefined
          ? merged.ttlMs
          : Math.min(merged.ttlMs, hints.ttlMs)
    const scope =
      merged?.cacheScope === 'private' || hints.cacheScope === 'private'
        ? 'private'
        : (hints.cacheScope ?? merged?.cacheScope)
    merged = {
      ...(ttl !== undefined && { ttlMs: ttl }),
      ...(scope !== undefined && { cacheScope: scope }),
    }
  }
  if (merged) gathered.set(items, merged)
}
