/**
 * The conformance client: `node src/client.ts <server-url>`, started by the suite once per
 * scenario with `MCP_CONFORMANCE_SCENARIO`, `MCP_CONFORMANCE_PROTOCOL_VERSION` and sometimes
 * `MCP_CONFORMANCE_CONTEXT`. It drives `@mcp-sse/core` through its public API the way an app would;
 * the suite judges what reached the wire. Logs go to stderr; stdout carries only the outcome line
 * (see outcome.ts).
 */
import { createContext, log } from './harness/context.ts'
import { describeError } from './harness/expect.ts'
import { formatOutcome, type ClientOutcome } from './outcome.ts'
import { loadScenario } from './scenarios/index.ts'

/** Below the suite's own timeout, so that a hung step is reported by name instead of killed. */
const DEADLINE_MS = Number(process.env.MCP_SSE_CONFORMANCE_DEADLINE ?? 25_000)

async function main(): Promise<ClientOutcome> {
  const { context, finish } = createContext(process.env, process.argv)
  log(
    `scenario ${context.scenario} at ${context.protocolVersion}: ${context.serverUrl}`,
  )
  const run = await loadScenario(context.scenario)
  if (!run) {
    return {
      exitCode: 2,
      error: `this client does not take part in ${context.scenario}`,
    }
  }
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`the scenario did not finish in ${DEADLINE_MS} ms`)),
      DEADLINE_MS,
    )
  })
  try {
    await Promise.race([run(context), deadline])
  } finally {
    clearTimeout(timer)
  }
  await finish()
  return { exitCode: 0 }
}

const outcome = await main().catch((error: unknown): ClientOutcome => ({
  exitCode: 1,
  error: describeError(error),
}))
if (outcome.error) log(`failed: ${outcome.error}`)
else log('done')
process.stdout.write(formatOutcome(outcome) + '\n')
// A reconnect timer or an open stream must not keep the process (and the suite) waiting.
process.exit(outcome.exitCode)
