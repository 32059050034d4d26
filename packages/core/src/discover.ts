import { MCPError, isMCPError } from './errors'
import type { Handshake } from './handshake'
import { META, ModernErrorCode, isModernErrorCode } from './modern/revision'
import type { Implementation, InitializeResult } from './protocol'

/** A discover refusal that names no common modern revision means: speak an older one here. */
function fallBack(error: MCPError): MCPError {
  const supported = (error.data as { supported?: unknown } | undefined)
    ?.supported
  const why =
    error.rpcCode === ModernErrorCode.UnsupportedProtocolVersion
      ? `it speaks ${Array.isArray(supported) ? supported.join(', ') : 'other revisions'}`
      : `it answered ${error.message}`
  return new MCPError(
    'protocol',
    `The server does not speak protocol 2026-07-28 (${why}); trying initialize.`,
    { cause: error },
  )
}

/** The server's identity, from the result's `_meta` (the revision's place) or the result itself. */
function serverInfoOf(
  result: Record<string, unknown>,
  url: string,
): Implementation {
  const meta = result._meta as Record<string, unknown> | undefined
  const info = meta?.[META.serverInfo] ?? result.serverInfo
  if (typeof info === 'object' && info !== null && 'name' in info)
    return info as Implementation
  // serverInfo is only a SHOULD here; name the server by where it is.
  return { name: new URL(url).host, version: '' }
}

/**
 * The handshake of protocol 2026-07-28: `server/discover`, whose answer is given in the shape of
 * an `initialize` result so that nothing above the core changes, then the listen stream (when
 * somebody listens). A refusal without a modern error body means an older server: the attempt
 * fails in a way that passes detection on to `initialize`. A modern error (missing capability,
 * header mismatch) means a modern server that refused us: that failure is reported.
 */
export const discoverHandshake: Handshake = async (context) => {
  const { transport, step, tracker } = context
  let result: Record<string, unknown>
  try {
    result = await step(
      tracker.request('server/discover', undefined, {
        bypassGate: true,
        timeout: context.timeout,
      }),
    )
  } catch (caught) {
    if (!isMCPError(caught) || caught.code !== 'rpc') throw caught
    const modernRefusal =
      isModernErrorCode(caught.rpcCode) &&
      caught.rpcCode !== ModernErrorCode.UnsupportedProtocolVersion
    if (modernRefusal) throw caught
    throw fallBack(caught)
  }
  if (typeof result.capabilities !== 'object' || result.capabilities === null)
    throw new MCPError(
      'protocol',
      'The server answered server/discover without capabilities; it does not follow protocol 2026-07-28.',
    )
  const url = transport.endpoint ?? ''
  context.onSession()
  await step(transport.listen())
  const version = transport.negotiatedVersion ?? context.protocolVersion
  return {
    ...result,
    protocolVersion: version,
    capabilities: result.capabilities,
    serverInfo: serverInfoOf(result, url || 'http://server'),
    ...(typeof result.instructions === 'string' && {
      instructions: result.instructions,
    }),
  } as InitializeResult
}
