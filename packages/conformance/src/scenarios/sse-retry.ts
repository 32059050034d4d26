import { expectText, findTool } from '../harness/expect.ts'
import type { ScenarioContext } from '../harness/context.ts'

/**
 * `sse-retry` (SEP-1699): the server answers `tools/call` with a stream that carries only a priming
 * event (`retry: 500`) and closes it. The client must reconnect with GET 450-700 ms later, sending
 * `Last-Event-ID`, and receives the answer on that stream.
 */
export async function sseRetry(ctx: ScenarioContext): Promise<void> {
  const client = ctx.client()
  await client.connect()
  const tools = await client.listAllTools()
  findTool(tools, 'test_reconnection')
  const sent = performance.now()
  const result = await client.callTool('test_reconnection', {})
  expectText(result, 'Reconnection test completed')
  ctx.log(
    `test_reconnection answered after ${Math.round(performance.now() - sent)} ms`,
  )
}
