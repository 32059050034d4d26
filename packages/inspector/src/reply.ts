import type { ServerResponse } from 'node:http'

/**
 * Headers on every answer of the launcher: no framing by other sites (a hidden frame could be
 * clicked into "Connect through the local bridge"), no sniffing, no referrer that could carry
 * the page's `?url=` elsewhere.
 */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/** A plain-text refusal whose sentence says what happened and what to do. */
export function refuse(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(`${message}\n`)
}
