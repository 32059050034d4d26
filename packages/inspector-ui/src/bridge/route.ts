import type { MCPSSEClientOptions } from '@mcp-sse/core'
import { LAUNCHER_TOKEN_HEADER, launcherToken } from './launcher'

const BRIDGED_KEY = 'mcp-sse-inspector:bridged-origins'

function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

function bridgedOrigins(): string[] {
  try {
    const stored: unknown = JSON.parse(
      window.sessionStorage.getItem(BRIDGED_KEY) ?? '[]',
    )
    return Array.isArray(stored)
      ? stored.filter((o): o is string => typeof o === 'string')
      : []
  } catch {
    return []
  }
}

/** Whether sessions to this server's origin go through the launcher's bridge (this tab only). */
export function isBridged(url: string): boolean {
  const origin = originOf(url)
  return origin !== null && bridgedOrigins().includes(origin)
}

/** Remembers, for this tab, that this server's origin is reached through the bridge. */
export function setBridged(url: string, on: boolean): void {
  const origin = originOf(url)
  if (origin === null) return
  const rest = bridgedOrigins().filter((o) => o !== origin)
  try {
    window.sessionStorage.setItem(
      BRIDGED_KEY,
      JSON.stringify(on ? [...rest, origin] : rest),
    )
  } catch {
    // No storage: the choice lasts only for the session it was made on.
  }
}

/** Whether `url` is served by the launcher itself (its stdio endpoint). */
export function isLauncherUrl(url: string): boolean {
  return originOf(url) === window.location.origin
}

/** A Request's parts as init, so a request given either way is sent the same. */
async function initOf(
  input: RequestInfo | URL,
  init: RequestInit | undefined,
): Promise<[string, RequestInit | undefined]> {
  if (typeof input === 'string') return [input, init]
  if (input instanceof URL) return [input.href, init]
  const bodyless = input.method === 'GET' || input.method === 'HEAD'
  return [
    input.url,
    {
      method: input.method,
      headers: input.headers,
      signal: input.signal,
      ...(!bodyless && { body: await input.arrayBuffer() }),
      ...init,
    },
  ]
}

/**
 * A fetch that sends requests to the launcher's origin with the token, and requests elsewhere
 * through `/bridge?target=…`. The client above it still sees the server's own URLs, so the wire log
 * shows the real addresses and the real frames; the token is added here, below the wire tap.
 */
function launcherFetch(token: string, bridge: boolean): typeof fetch {
  return async (input, given) => {
    const [url, init] = await initOf(input, given)
    const own = originOf(url) === window.location.origin
    const target =
      own || !bridge
        ? url
        : `${window.location.origin}/bridge?target=${encodeURIComponent(url)}`
    const headers = new Headers(init?.headers)
    headers.set(LAUNCHER_TOKEN_HEADER, token)
    // Cookies of 127.0.0.1 belong to every local app; none is the server's.
    return fetch(target, { ...init, headers, credentials: 'omit' })
  }
}

/**
 * The client options of a session, routed through the launcher when this page has its token: its
 * own stdio endpoint gets the token, a server marked as bridged goes through the bridge. Without
 * the launcher the options are returned unchanged. Fetch streaming is chosen because EventSource
 * cannot go through a custom fetch.
 */
export function routeThroughLauncher(
  options: MCPSSEClientOptions,
): MCPSSEClientOptions {
  const token = launcherToken()
  if (token === null) return options
  const own = isLauncherUrl(options.url)
  if (!own && !isBridged(options.url)) return options
  return { ...options, stream: 'fetch', fetch: launcherFetch(token, !own) }
}
