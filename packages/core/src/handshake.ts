import { MCPError } from './errors'
import {
  INITIALIZE_PROTOCOL_VERSIONS,
  type ClientCapabilities,
  type Implementation,
  type InitializeResult,
} from './protocol'
import type { RequestTracker } from './request-tracker'
import type { Transport } from './transport/transport'

export interface HandshakeParams {
  /** The revision to ask for. */
  protocolVersion: string
  clientInfo: Implementation
  capabilities: ClientCapabilities
  timeout: number
}

/**
 * Sends `initialize` on a session that is not open yet, and checks that the answer is one this
 * client can work with: a protocol version it speaks and a serverInfo.
 */
export async function initializeSession(
  tracker: RequestTracker,
  params: HandshakeParams,
): Promise<InitializeResult> {
  const result = (await tracker.request(
    'initialize',
    {
      protocolVersion: params.protocolVersion,
      capabilities: params.capabilities,
      clientInfo: params.clientInfo,
    },
    { bypassGate: true, timeout: params.timeout },
  )) as Partial<InitializeResult>
  const version = result.protocolVersion
  if (
    typeof version !== 'string' ||
    !(INITIALIZE_PROTOCOL_VERSIONS as readonly string[]).includes(version)
  ) {
    throw new MCPError(
      'protocol',
      `The server answered initialize with protocol version ${JSON.stringify(version)}, which this client does not speak ` +
        `(it speaks ${INITIALIZE_PROTOCOL_VERSIONS.join(', ')}). Upgrade @mcp-sse/core or the server.`,
    )
  }
  if (typeof result.serverInfo !== 'object' || result.serverInfo === null) {
    throw new MCPError(
      'protocol',
      'The server answered initialize without serverInfo; it does not follow the MCP specification.',
    )
  }
  return {
    ...result,
    capabilities: result.capabilities ?? {},
  } as InitializeResult
}

export interface HandshakeContext extends HandshakeParams {
  transport: Transport
  tracker: RequestTracker
  /** Awaits `work` within the attempt: rejects when it times out, drops or is abandoned. */
  step<T>(work: Promise<T>): Promise<T>
  /** The transport learned its session. */
  onSession(): void
}

/**
 * How a session is opened on a transport. Eras differ here (2026-07-28 has no `initialize`), so
 * each transport names its handshake rather than the attempt branching on the era.
 */
export type Handshake = (context: HandshakeContext) => Promise<InitializeResult>

/**
 * The handshake of 2024-11-05 to 2025-11-25: `initialize`, listening (so that what the server sends
 * on `initialized` is not missed), then `notifications/initialized`.
 */
export const initializeHandshake: Handshake = async (context) => {
  const { transport, step } = context
  const result = await step(initializeSession(context.tracker, context))
  context.onSession()
  await step(transport.listen())
  await step(
    transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' }),
  )
  return result
}
