import { isMCPError } from '@mcp-sse/core'

/** A short heading above the core's message, which already says what to do. */
export function explainTitle(error: unknown): string {
  if (!isMCPError(error)) return 'Failed'
  switch (error.code) {
    case 'network':
      return 'Could not reach the server'
    case 'unauthorized':
      return `Refused: ${error.status ?? ''} credentials missing or wrong`.replace(
        '  ',
        ' ',
      )
    case 'http':
      return `The server answered HTTP ${error.status ?? '?'}`
    case 'bad-content-type':
      return 'Not an event stream'
    case 'cross-origin-endpoint':
      return 'Endpoint on another origin refused'
    case 'timeout':
      return 'No answer in time'
    case 'session-expired':
      return 'Session expired'
    case 'protocol':
      return 'Protocol error'
    case 'rpc':
      return `JSON-RPC error ${error.rpcCode ?? ''}`.trim()
    case 'aborted':
      return 'Cancelled'
    case 'closed':
      return 'Closed'
    case 'connection-lost':
      return 'Connection lost'
    case 'not-connected':
      return 'Not connected'
    case 'invalid-options':
      return 'Invalid settings'
  }
}

/** The whole explanation as one string, for places with no room for a heading. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
