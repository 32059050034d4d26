import type { MCPError } from './errors'
import type { AuthSnapshot } from './auth'
import type {
  Implementation,
  InitializeResult,
  ServerCapabilities,
} from './protocol'
import type { Transport } from './transport/transport'
import type { TransportKind } from './wire'

/** `authorizing`: waiting for the user to sign in (see `auth.authorizationUrl`). */
export type ConnectionStatus =
  | 'idle'
  | 'connecting'
  | 'authorizing'
  | 'ready'
  | 'reconnecting'
  | 'closed'
  | 'error'

/** The client's state. Immutable: a new object replaces it only when something changed. */
export interface MCPClientSnapshot {
  readonly status: ConnectionStatus
  /** `status === 'ready'`. */
  readonly connected: boolean
  /** The session the server assigned (from the endpoint URL, a message, or a header). */
  readonly sessionId: string | null
  /** Where POSTs go. */
  readonly endpoint: string | null
  /** How the server is reached, once known. */
  readonly transport: TransportKind | null
  /** The `auth` provider's state; null without one. */
  readonly auth: AuthSnapshot | null
  readonly serverInfo: Implementation | null
  readonly capabilities: ServerCapabilities | null
  readonly protocolVersion: string | null
  readonly instructions: string | null
  /** The failure behind `error` or `reconnecting`; cleared when the client is ready again. */
  readonly error: MCPError | null
  /** Retries since the connection was last ready. */
  readonly reconnectAttempt: number
}

/** The state of a client that was never connected (and of no client at all, for bindings). */
export const INITIAL_SNAPSHOT: MCPClientSnapshot = Object.freeze({
  status: 'idle',
  connected: false,
  sessionId: null,
  endpoint: null,
  transport: null,
  auth: null,
  serverInfo: null,
  capabilities: null,
  protocolVersion: null,
  instructions: null,
  error: null,
  reconnectAttempt: 0,
})

/** What the snapshot says of a transport's session: its kind once it answered, id, endpoint. */
export function sessionPatch(transport: Transport): Partial<MCPClientSnapshot> {
  return {
    transport: transport.endpoint === null ? null : transport.kind,
    sessionId: transport.sessionId,
    endpoint: transport.endpoint,
  }
}

/** The snapshot of a session that just became ready. */
export function readyPatch(
  transport: Transport,
  result: InitializeResult,
): Partial<MCPClientSnapshot> {
  return {
    ...sessionPatch(transport),
    status: 'ready',
    connected: true,
    serverInfo: result.serverInfo,
    capabilities: result.capabilities,
    protocolVersion: result.protocolVersion,
    instructions:
      typeof result.instructions === 'string' ? result.instructions : null,
    error: null,
    reconnectAttempt: 0,
  }
}
