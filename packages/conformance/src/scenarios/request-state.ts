import { expectText } from '../harness/expect.ts'
import type { ScenarioContext } from '../harness/context.ts'

/**
 * `sep-2322-client-request-state` (SEP-2322, multi round-trip requests): a tool answers
 * `input_required` with an elicitation and a `requestState`; the library asks the elicitation
 * handler and retries under a new id with the exact `requestState`, or with none when the server
 * sent none, and keeps both off every other request. A result without `resultType` is complete.
 */
export async function requestState(ctx: ScenarioContext): Promise<void> {
  const client = ctx.client()
  let asked = 0
  client.setRequestHandler('elicitation/create', async () => {
    asked++
    if (asked === 1) {
      // Another call while a round is open must carry none of that round's state.
      const other = await client.callTool('test_mrtr_unrelated', {})
      expectText(other, 'unrelated-ok')
    }
    return { action: 'accept', content: { confirmed: true } }
  })
  // A function, not inline checks: TypeScript would narrow `asked` after the first one.
  const expectAsked = (tool: string, total: number): void => {
    if (asked !== total) {
      throw new Error(
        `after ${tool} the elicitation handler had been asked ${asked} time(s), not ${total}`,
      )
    }
  }
  await client.connect()
  await client.listAllTools()

  expectText(await client.callTool('test_mrtr_echo_state', {}), 'echo-state-ok')
  expectAsked('test_mrtr_echo_state', 1)
  expectText(await client.callTool('test_mrtr_no_state', {}), 'no-state-ok')
  expectAsked('test_mrtr_no_state', 2)
  expectText(
    await client.callTool('test_mrtr_no_result_type', {}),
    'no-result-type-test-ok',
  )
  expectAsked('test_mrtr_no_result_type', 2)
  ctx.log('all three MRTR tools completed')
}
