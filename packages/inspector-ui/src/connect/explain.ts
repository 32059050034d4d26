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
      return `${RPC_NAMES[error.rpcCode ?? 0] ?? 'Error'} (JSON-RPC ${error.rpcCode ?? '?'})`
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

/** The names the JSON-RPC and MCP specifications give these error codes. */
const RPC_NAMES: Record<number, string> = {
  [-32700]: 'Parse error',
  [-32600]: 'Invalid request',
  [-32601]: 'Method not found',
  [-32602]: 'Invalid params',
  [-32603]: 'Internal error',
  [-32002]: 'Resource not found',
  [-32042]: 'URL elicitation required',
  [-1]: 'Refused',
}

/** Where the client's general hint about arguments applies: calls whose arguments have a schema. */
const SCHEMA_METHODS = new Set(['tools/call', 'prompts/get'])

/**
 * The core's message, which says what to do. For a JSON-RPC error the heading already names the
 * code, so it is not repeated, and the hint about schemas is kept only where there is one.
 */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  if (!isMCPError(error, 'rpc')) return error.message
  let text = error.message.replace(/ \(JSON-RPC error -?\d+\)\./, '.')
  const method = /^(\S+) failed:/.exec(text)?.[1] ?? ''
  if (!SCHEMA_METHODS.has(method)) {
    text = text.replace(
      ' Check the arguments against the schema the server publishes.',
      '',
    )
  }
  return text
}
