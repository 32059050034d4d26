import { findTool } from '../harness/expect.ts'
import type { ScenarioContext } from '../harness/context.ts'

/**
 * `elicitation-sep1034-client-defaults` (SEP-1034): the client declares
 * `elicitation.form.applyDefaults`, the app accepts an elicitation with empty content, and the
 * library fills in every default of the requested schema before answering.
 */
export async function elicitationDefaults(ctx: ScenarioContext): Promise<void> {
  const client = ctx.client({
    capabilities: { elicitation: { form: { applyDefaults: true } } },
  })
  let asked = 0
  client.setRequestHandler('elicitation/create', () => {
    asked++
    // What an app does when the user just presses "accept": no values of its own.
    return { action: 'accept', content: {} }
  })
  await client.connect()
  const tools = await client.listAllTools()
  findTool(tools, 'test_client_elicitation_defaults')
  await client.callTool('test_client_elicitation_defaults', {})
  if (asked === 0) {
    throw new Error(
      'the tool call finished without the elicitation handler being asked',
    )
  }
  ctx.log(`elicitation handler asked ${asked} time(s)`)
}
