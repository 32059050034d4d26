// The request benchmark over every transport: one server process, one run per transport, its
// tables, and the targets judged across all of them.
import { breakdownTable, profileClient } from './cpu-breakdown.ts'
import type { CpuBreakdown } from './cpu-breakdown.ts'
import { isFloor } from './request-tables.ts'
import { runRequestBench } from './requests.ts'
import type { RequestBenchOptions } from './requests.ts'
import { targetsTable } from './request-targets.ts'
import type { TransportFigures } from './request-targets.ts'
import { requestTables } from './request-tables.ts'
import { startServer } from './server-process.ts'
import type { Table } from './table.ts'
import { TRANSPORT_CASES } from './transports.ts'

/** `only`: transport ids to run (all when undefined). */
export async function runRequestSection(
  options: RequestBenchOptions,
  only: readonly string[] | undefined,
  log: (line: string) => void,
): Promise<Table[]> {
  const cases = TRANSPORT_CASES.filter((c) => !only || only.includes(c.id))
  const server = await startServer()
  const tables: Table[] = []
  const judged: TransportFigures[] = []
  try {
    for (const transport of cases) {
      log(` ${transport.title}`)
      const figures = await runRequestBench(
        transport.clients,
        `${server.url}${transport.path}`,
        options,
        log,
      )
      tables.push(
        ...requestTables(transport.title, figures, options, transport.autoNote),
      )
      const profiled: CpuBreakdown[] = []
      const measured = transport.clients.filter((c) => !c.connectOnly)
      // The floor first: every other row is read as a difference from it.
      measured.sort((a, b) => Number(isFloor(b)) - Number(isFloor(a)))
      for (const client of measured)
        profiled.push(
          await profileClient(client, `${server.url}${transport.path}`, {
            calls: options.concurrent,
            inFlight: options.inFlight,
          }),
        )
      tables.push(breakdownTable(transport.title, profiled, options.concurrent))
      judged.push({
        title: transport.title,
        figures,
        judgeAuto: transport.id.startsWith('streamable'),
        breakdown: profiled,
      })
    }
  } finally {
    await server.kill()
  }
  return [...tables, targetsTable(judged)]
}
