import { findTool } from '../harness/expect.ts'
import type { ScenarioContext } from '../harness/context.ts'

/**
 * `json-schema-2020-12-preservation` (SEP-1613, SEP-2106): the tool list carries a JSON Schema
 * 2020-12 `inputSchema` (`$schema`, `$defs`, `$anchor`, `allOf`/`anyOf`, `if`/`then`/`else`,
 * `additionalProperties`). Echo what the library handed us back through `json_schema_echo`; any
 * keyword the library dropped or rewrote shows in the suite's diff.
 */
export async function jsonSchemaPreservation(
  ctx: ScenarioContext,
): Promise<void> {
  const client = ctx.client()
  await client.connect()
  const tools = await client.listAllTools()
  const focal = findTool(tools, 'json_schema_2020_12_tool')
  findTool(tools, 'json_schema_echo')
  await client.callTool('json_schema_echo', { schema: focal.inputSchema })
  ctx.log(
    `echoed an inputSchema with keys ${Object.keys(focal.inputSchema).join(', ')}`,
  )
}

/**
 * `json-schema-ref-no-deref` (SEP-2106): a tool's `inputSchema` has a `$ref` to a URL on the test
 * server. Listing tools must never fetch it.
 */
export async function jsonSchemaRefNoDeref(
  ctx: ScenarioContext,
): Promise<void> {
  const client = ctx.client()
  await client.connect()
  const tools = await client.listAllTools()
  findTool(tools, 'lookup_user')
  ctx.log(`listed ${tools.length} tool(s); nothing else to do`)
}
