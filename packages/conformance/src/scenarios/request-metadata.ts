import type { ScenarioContext } from '../harness/context.ts'

/**
 * `request-metadata` (SEP-2575, 2026-07-28): every POST carries `MCP-Protocol-Version` matching
 * `_meta`'s protocol version, and `_meta` carries client info and capabilities. The server refuses
 * the first request with -32022 and the versions it supports; the library must retry with one of
 * them.
 */
export async function requestMetadata(ctx: ScenarioContext): Promise<void> {
  const client = ctx.client()
  // Real handlers, so that the capabilities they add are true ones.
  client.setRequestHandler('roots/list', () => ({ roots: [] }))
  client.setRequestHandler('elicitation/create', () => ({ action: 'decline' }))
  const init = await client.connect()
  ctx.log(`connected, protocol ${init.protocolVersion}`)
  const { tools } = await client.listTools()
  ctx.log(`tools/list: ${tools.length} tools`)
}
