import { MCPError } from './errors'
import type { MCPClientSnapshot } from './snapshot'

/** Why nothing can be sent in this state, or null when it can (now or once ready). */
export function refusalFor(
  snapshot: MCPClientSnapshot,
  method: string,
): MCPError | null {
  const { status, error } = snapshot
  if (status === 'idle' || status === 'closed') {
    return new MCPError(
      'not-connected',
      `Cannot send ${method}: the client is ${status}. Call connect() first.`,
    )
  }
  if (status === 'error') {
    return new MCPError(
      'not-connected',
      `Cannot send ${method}: the connection failed (${error?.message ?? 'unknown error'}). Call connect() to try again.`,
      { cause: error },
    )
  }
  return null
}
