/**
 * The token of the local launcher (`mcp-sse-inspector`), which opens this page as
 * `http://127.0.0.1:PORT/…#token=…`. It is kept in sessionStorage only (this tab, never another
 * device or a later visit) and taken out of the address bar at once, so it is not bookmarked,
 * shared or shown. A page without it (the hosted build) offers no launcher features.
 */
const TOKEN_KEY = 'mcp-sse-inspector:launcher-token'
const IN_FRAGMENT = /(^#|&)token=([A-Za-z0-9_-]+)&?/

/** The header the launcher reads the token from. */
export const LAUNCHER_TOKEN_HEADER = 'X-MCP-Inspector-Token'

function adoptFromAddress(): void {
  if (typeof window === 'undefined') return
  const match = IN_FRAGMENT.exec(window.location.hash)
  if (match?.[2] === undefined) return
  try {
    window.sessionStorage.setItem(TOKEN_KEY, match[2])
  } catch {
    // No storage (a sandboxed frame): the launcher features stay off.
  }
  const rest = window.location.hash.replace(IN_FRAGMENT, '$1').replace(/&$/, '')
  const hash = rest === '#' || rest === '#?' ? '' : rest
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${window.location.search}${hash}`,
  )
}

/** The launcher's token when this page was opened by it, else null. */
export function launcherToken(): string | null {
  adoptFromAddress()
  try {
    return window.sessionStorage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}
