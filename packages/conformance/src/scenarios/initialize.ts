import type { ScenarioContext } from '../harness/context.ts'

/**
 * `initialize`: a server that answers `initialize` as JSON and has no GET stream. The suite checks
 * the `initialize` request and `notifications/initialized` against the revision's schema; a GET
 * that the server refuses must not fail the connection.
 */
export async function initialize(ctx: ScenarioContext): Promise<void> {
  const client = ctx.client()
  const init = await client.connect()
  ctx.log(
    `connected to ${init.serverInfo.name} ${init.serverInfo.version}, protocol ${init.protocolVersion}`,
  )
  const { tools } = await client.listTools()
  ctx.log(`tools/list: ${tools.length} tools`)
}
