/** SSE wire format, written by hand because it is four lines of string building. */

/** One event: an optional `event:` line, then each line of `data` as its own `data:` line. */
export function eventFrame(data: string, event?: string): string {
  const head = event === undefined ? '' : `event: ${event}\n`
  const body = data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join('')
  return `${head}${body}\n`
}

/** A comment line, which every SSE parser must skip (keep-alives). */
export function commentFrame(text: string): string {
  return `: ${text}\n\n`
}

/** Tells an `EventSource` how long to wait before reconnecting. */
export function retryFrame(ms: number): string {
  return `retry: ${ms}\n\n`
}
