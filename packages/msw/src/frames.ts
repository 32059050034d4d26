/** SSE wire format, written by hand because it is a few lines of string building. */

/**
 * One event: optional `id:` and `event:` lines, then each line of `data` as its own `data:`
 * line (an empty `data` still gets one, which is what a priming event is).
 */
export function eventFrame(data: string, event?: string, id?: string): string {
  const idLine = id === undefined ? '' : `id: ${id}\n`
  const head = event === undefined ? '' : `event: ${event}\n`
  const body = data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join('')
  return `${idLine}${head}${body}\n`
}

/** A comment line, which every SSE parser must skip (keep-alives). */
export function commentFrame(text: string): string {
  return `: ${text}\n\n`
}

/** Tells an `EventSource` how long to wait before reconnecting. */
export function retryFrame(ms: number): string {
  return `retry: ${ms}\n\n`
}

/**
 * The event a Streamable HTTP server sends first (2025-11-25): an id and empty data, so the
 * client has a `Last-Event-ID` to resume with even before anything else arrives.
 */
export function primingFrame(id: string, retry?: number): string {
  const retryLine = retry === undefined ? '' : `retry: ${retry}\n`
  return `id: ${id}\n${retryLine}data: \n\n`
}
