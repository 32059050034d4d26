import { META } from './meta.js'
import type { ServerState } from '../state.js'

/** A freshness hint of protocol 2026-07-28 (`CacheableResult`). */
export interface CacheHint {
  /** How long, in ms, the client may consider the result fresh. */
  ttlMs: number
  /** Whether shared caches may keep it (`'public'`) or only this caller (`'private'`). */
  cacheScope: 'public' | 'private'
}

/** The operations whose complete results carry cache hints. */
export const CACHEABLE_METHODS: ReadonlySet<string> = new Set([
  'server/discover',
  'tools/list',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
])

const DEFAULT_HINT: CacheHint = { ttlMs: 0, cacheScope: 'public' }

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * What every 2026-07-28 result carries besides its own fields: a `resultType` (`complete`
 * unless the result names one, so a test can send one a client does not know), the server's
 * identity in `_meta`, and cache hints where the revision asks for them.
 */
export function decorate(
  state: ServerState,
  method: string,
  result: Record<string, unknown>,
  params: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const decorated: Record<string, unknown> = {
    resultType: 'complete',
    ...result,
  }
  if (decorated.resultType !== 'complete') return decorated
  const meta = isObject(result._meta) ? result._meta : {}
  decorated._meta = {
    ...meta,
    [META.serverInfo]: state.options.serverInfo ?? {
      name: 'mock-mcp-server',
      version: '1.0.0',
    },
  }
  if (CACHEABLE_METHODS.has(method)) {
    const hints = state.dialect.cacheHints
    const hint =
      typeof hints === 'function'
        ? hints(method, params)
        : (hints ?? DEFAULT_HINT)
    decorated.ttlMs = hint.ttlMs
    decorated.cacheScope = hint.cacheScope
  }
  return decorated
}
