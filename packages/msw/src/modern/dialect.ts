import type { CacheHint } from './results.js'

/** Dialect fields a 2026-07-28 server reads (besides `response`, `cutBeforeAnswer`, `firstByteDelay`, `heartbeat`, `auth`, `unnamedEvents`). */
export interface ModernDialect {
  /**
   * The `ttlMs` and `cacheScope` on complete results of `server/discover`, the four list methods
   * and `resources/read`: one hint for all, or one per method (and params).
   *
   * @defaultValue `{ ttlMs: 0, cacheScope: 'public' }`
   * @example
   * ```ts
   * dialect: { cacheHints: (method) => method === 'resources/read' ? { ttlMs: 0, cacheScope: 'private' } : { ttlMs: 60_000, cacheScope: 'public' } }
   * ```
   */
  cacheHints?:
    | CacheHint
    | ((
        method: string,
        params: Record<string, unknown> | undefined,
      ) => CacheHint)
}
