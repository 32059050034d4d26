// Profiling aid for the request benchmark: runs one client alone against the bench server so a CPU
// profile shows only that client's work.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof src/profile.ts <transport> <client> [calls] [inFlight]
//     transport: sse | streamable-sse | streamable-json | stateless (see src/transports.ts)
//     client: floor | ours | sdk | sdk-v2 (whichever the transport has)
//   node src/profile-summary.ts /tmp/prof/<file>.cpuprofile
import { startServer } from './server-process.ts'
import { TRANSPORT_CASES } from './transports.ts'

const transportId = process.argv[2] ?? 'sse'
const clientName = process.argv[3] ?? 'ours'
const calls = Number(process.argv[4] ?? 20_000)
const inFlight = Number(process.argv[5] ?? 64)
const transport = TRANSPORT_CASES.find((c) => c.id === transportId)
if (!transport)
  throw new Error(
    `unknown transport ${transportId}; use ${TRANSPORT_CASES.map((c) => c.id).join(', ')}`,
  )
const PREFIX: Record<string, string> = {
  floor: 'floor',
  ours: '@mcp-sse/core (pinned',
  sdk: 'official SDK v1',
  'sdk-v2': 'official client v2',
}
const prefix = PREFIX[clientName]
const client = transport.clients.find(
  (c) => prefix !== undefined && c.name.startsWith(prefix),
)
if (!client)
  throw new Error(
    `no client ${clientName} on ${transportId}; use floor, ours, sdk or sdk-v2`,
  )

const server = await startServer()
try {
  const connection = await client.connect(`${server.url}${transport.path}`)
  let started = 0
  const worker = async () => {
    while (started < calls) {
      started++
      await connection.echo('hello')
    }
  }
  const start = performance.now()
  const cpuBefore = process.cpuUsage()
  await Promise.all(Array.from({ length: inFlight }, worker))
  const cpu = process.cpuUsage(cpuBefore)
  const seconds = (performance.now() - start) / 1000
  // The server runs in its own process, so this is the client's CPU alone.
  const cpuPerCall = (cpu.user + cpu.system) / calls
  console.log(
    `${client.name} over ${transport.title}: ${calls} calls at ${inFlight} in flight, ${(calls / seconds).toFixed(0)} req/s, ${cpuPerCall.toFixed(0)} µs client CPU per call`,
  )
  await connection.close()
} finally {
  await server.kill()
}
