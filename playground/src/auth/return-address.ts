import { readAddress, writeAddress } from '../connect/address'
import type { ConnectConfig } from '@mcp-sse/inspector-ui'

/**
 * When the popup is blocked the sign-in leaves this page and comes back to the address it left
 * from. So that the session opens again there, the address is made to name it (the same link
 * "Copy link" makes: no token, no secret header), unless it already does.
 */
export function keepInAddress(config: ConnectConfig): void {
  const current = readAddress(window.location)
  if (
    current.autoConnect &&
    current.config.url === config.url &&
    current.config.auth === config.auth
  )
    return
  try {
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${writeAddress(config)}`,
    )
  } catch {
    // An address that cannot change: a redirect then comes back without the session.
  }
}
