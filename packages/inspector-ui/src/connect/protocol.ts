import type { ProtocolVersionPin } from '@mcp-sse/core'
import type { TransportChoice } from './config'

/** `auto`: the client's own order (2026-07-28 first, then `initialize`, then HTTP+SSE). */
export type ProtocolChoice = 'auto' | ProtocolVersionPin

/** Newest first, as the select lists them. */
export const PROTOCOL_CHOICES: readonly ProtocolChoice[] = [
  'auto',
  '2026-07-28',
  '2025-11-25',
  '2025-06-18',
  '2025-03-26',
  '2024-11-05',
]

export const MODERN_REVISION = '2026-07-28'

/** The revision whose sessions are gone: no `initialize`, no `Mcp-Session-Id`. */
export function isStateless(version: string | null): boolean {
  return version !== null && version >= MODERN_REVISION
}

export function protocolLabel(choice: ProtocolChoice): string {
  switch (choice) {
    case 'auto':
      return 'auto (newest both speak)'
    case '2026-07-28':
      return '2026-07-28 (stateless)'
    case '2024-11-05':
      return '2024-11-05 (HTTP+SSE)'
    default:
      return choice
  }
}

/**
 * Why a transport and a pinned revision cannot go together, or null when they can: 2026-07-28
 * exists only over Streamable HTTP, and 2024-11-05 only over HTTP+SSE.
 */
export function protocolConflict(
  transport: TransportChoice,
  protocol: ProtocolChoice,
): string | null {
  if (transport === 'sse' && protocol === MODERN_REVISION)
    return 'Protocol 2026-07-28 has no HTTP+SSE transport (it is stateless Streamable HTTP only): set Transport to auto or Streamable HTTP, or pin an older revision.'
  if (transport === 'streamable-http' && protocol === '2024-11-05')
    return 'Protocol 2024-11-05 is spoken over HTTP+SSE only: set Transport to auto or HTTP+SSE, or pin 2025-03-26 or later.'
  return null
}
