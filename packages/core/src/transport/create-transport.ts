import { discoverHandshake } from '../discover'
import { initializeHandshake, type Handshake } from '../handshake'
import type { ListenFilter } from '../interest'
import type { ResolvedOptions } from '../resolve-options'
import type { ServerCapabilities } from '../protocol'
import type { WireTap } from '../wire-tap'
import type { TransportPlan } from './detect'
import { ModernTransport } from './modern/modern-transport'
import type { ClientDescription } from './modern/prepare-request'
import { SSETransport } from './sse-transport'
import { StreamableHTTPTransport } from './streamable-http/streamable-http-transport'
import type { Transport, TransportEvents } from './transport'

/** What a transport may need of the client beyond its options. */
export interface TransportEnv {
  options: ResolvedOptions
  wire: WireTap
  events: TransportEvents
  /** What stateless requests say of the client (2026-07-28). */
  client: ClientDescription
  /** What the client's listeners want the server to send (2026-07-28's listen filter). */
  interest: {
    filter(capabilities: ServerCapabilities | null): ListenFilter | null
    onChange(watcher: () => void): () => void
  }
}

/** Each way of reaching a server: its transport and the handshake that opens it. */
type Way = 'sse' | 'streamable-http' | 'modern'

function wayOf(plan: TransportPlan): Way {
  return plan.modern ? 'modern' : plan.kind
}

/** The handshake each way opens its sessions with. */
const HANDSHAKES: Record<Way, Handshake> = {
  sse: initializeHandshake,
  'streamable-http': initializeHandshake,
  modern: discoverHandshake,
}

export function handshakeFor(plan: TransportPlan): Handshake {
  return HANDSHAKES[wayOf(plan)]
}

type Factory = (plan: TransportPlan, env: TransportEnv) => Transport

function streamableConfig(plan: TransportPlan, env: TransportEnv) {
  const { options, wire } = env
  return {
    url: plan.url,
    headers: options.headers,
    withCredentials: options.withCredentials,
    fetch: options.fetch,
    wire,
    reconnect: options.reconnect,
  }
}

/** One factory per way: a new transport is a new line here, not a branch elsewhere. */
const FACTORIES: Record<Way, Factory> = {
  sse: (plan, { options, wire, events }) =>
    new SSETransport({ ...options, streamUrl: plan.url, wire }, events),
  'streamable-http': (plan, env) =>
    new StreamableHTTPTransport(streamableConfig(plan, env), env.events),
  modern: (plan, env) =>
    new ModernTransport(
      {
        ...streamableConfig(plan, env),
        protocolVersion: env.options.modernVersion,
        client: env.client,
        interest: env.interest,
      },
      env.events,
    ),
}

export function createTransport(
  plan: TransportPlan,
  env: TransportEnv,
): Transport {
  return FACTORIES[wayOf(plan)](plan, env)
}
