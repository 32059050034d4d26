import { initializeHandshake, type Handshake } from '../handshake'
import type { ResolvedOptions } from '../resolve-options'
import type { WireTap } from '../wire-tap'
import type { TransportKind } from '../wire'
import type { TransportPlan } from './detect'
import { SSETransport } from './sse-transport'
import { StreamableHTTPTransport } from './streamable-http/streamable-http-transport'
import type { Transport, TransportEvents } from './transport'

type Factory = (
  plan: TransportPlan,
  options: ResolvedOptions,
  wire: WireTap,
  events: TransportEvents,
) => Transport

/** The handshake each transport opens its sessions with. */
const HANDSHAKES: Record<TransportKind, Handshake> = {
  sse: initializeHandshake,
  'streamable-http': initializeHandshake,
}

export function handshakeFor(kind: TransportKind): Handshake {
  return HANDSHAKES[kind]
}

/** One factory per transport: a new transport is a new line here, not a branch elsewhere. */
const FACTORIES: Record<TransportKind, Factory> = {
  sse: (plan, options, wire, events) =>
    new SSETransport({ ...options, streamUrl: plan.url, wire }, events),
  'streamable-http': (plan, options, wire, events) =>
    new StreamableHTTPTransport(
      {
        url: plan.url,
        headers: options.headers,
        withCredentials: options.withCredentials,
        fetch: options.fetch,
        wire,
        reconnect: options.reconnect,
      },
      events,
    ),
}

export function createTransport(
  plan: TransportPlan,
  options: ResolvedOptions,
  wire: WireTap,
  events: TransportEvents,
): Transport {
  return FACTORIES[plan.kind](plan, options, wire, events)
}
