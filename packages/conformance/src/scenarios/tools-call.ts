import { expectText, findTool } from '../harness/expect.ts'
import type { ScenarioContext } from '../harness/context.ts'

/**
 * `tools_call`: a server without sessions whose GET answers 404 (2025-11-25), or a stateless one
 * (2026-07-28). List the tools, then call `add_numbers` with two numbers.
 */
export async function toolsCall(ctx: ScenarioContext): Promise<void> {
  const client = ctx.client()
  await client.connect()
  const tools = await client.listAllTools()
  findTool(tools, 'add_numbers')
  const result = await client.callTool('add_numbers', { a: 2, b: 3 })
  expectText(result, '5')
  ctx.log('add_numbers(2, 3) answered 5')
}
