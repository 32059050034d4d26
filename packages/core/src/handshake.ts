import { MCPError } from './errors'
import {
  SUPPORTED_PROTOCOL_VERSIONS,
  type ClientCapabilities,
  type Implementation,
  type InitializeResult,
} from './protocol'
import type { RequestTracker } from './request-tracker'

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
    !(SUPPORTED_PROTOCOL_VERSIONS as readonly string[]).includes(version)
  ) {
    throw new MCPError(
      'protocol',
      `The server answered initialize with protocol version ${JSON.stringify(version)}, which this client does not speak ` +
        `(it speaks ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}). Upgrade @mcp-sse/core or the server.`,
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
