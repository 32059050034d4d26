// Profiling aid for the request benchmark: runs one client alone against the bench server so a CPU
// profile shows only that client's work.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof src/profile.ts ours|floor|sdk [calls] [inFlight]
//   node src/profile-summary.ts /tmp/prof/<file>.cpuprofile
import { floorClient } from './clients/floor.ts'
import { oursClient } from './clients/ours.ts'
import { sdkClient } from './clients/sdk.ts'
import { startServer } from './server-process.ts'

const clients = { ours: oursClient, floor: floorClient, sdk: sdkClient }
const name = (process.argv[2] ?? 'ours') as keyof typeof clients
const calls = Number(process.argv[3] ?? 20_000)
const inFlight = Number(process.argv[4] ?? 64)
const client = clients[name]
if (!client) throw new Error(`unknown client ${name}; use ours, floor or sdk`)

const server = await startServer()
try {
  const connection = await client.connect(server.url)
  let started = 0
  const worker = async () => {
    while (started < calls) {
      started++
      await connection.echo('hello')
    }
  }
  const start = performance.now()
  await Promise.all(Array.from({ length: inFlight }, worker))
  const seconds = (performance.now() - start) / 1000
  console.log(
    `${client.name}: ${calls} calls at ${inFlight} in flight, ${(calls / seconds).toFixed(0)} req/s`,
  )
  await connection.close()
} finally {
  await server.kill()
}
