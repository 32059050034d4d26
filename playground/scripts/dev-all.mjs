// `pnpm dev`: two real server-everything processes on free ports, one speaking Streamable HTTP
// (`/mcp`), one HTTP+SSE (`/sse`), then Vite with the page connected to the first and offering
// both as presets. Both servers are killed when Vite exits, and when this script is interrupted.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { connect, createServer } from 'node:net'
import { dirname, join } from 'node:path'

function serverBin() {
  // server-everything is a dependency of the workspace testkit; resolve it from there.
  const testkit = createRequire(import.meta.resolve('@mcp-sse/testkit'))
  const manifest = testkit.resolve(
    '@modelcontextprotocol/server-everything/package.json',
  )
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'))
  return join(
    dirname(manifest),
    typeof bin === 'string' ? bin : bin['mcp-server-everything'],
  )
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function waitForPort(port, ms = 20_000) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
    })
    if (open) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(
    `server-everything did not listen on port ${port} within ${ms} ms`,
  )
}

const bin = serverBin()
const servers = []
let vite
const stop = (code) => {
  if (vite && vite.exitCode === null) vite.kill('SIGTERM')
  for (const server of servers) {
    if (server.exitCode === null) server.kill('SIGTERM')
  }
  process.exitCode = code
}
process.on('SIGINT', () => stop(130))
process.on('SIGTERM', () => stop(143))

/** Starts one server-everything in `mode` and resolves with its port once it listens. */
async function start(mode, fixedPort) {
  const port = fixedPort || (await freePort())
  const server = spawn(process.execPath, [bin, mode], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  servers.push(server)
  server.on('exit', (code) => {
    if (vite === undefined) {
      stop(code ?? 1)
      process.exit(code ?? 1)
    }
  })
  await waitForPort(port)
  return port
}

const [httpPort, ssePort] = await Promise.all([
  start('streamableHttp', Number(process.env.MCP_DEMO_PORT)),
  start('sse', Number(process.env.MCP_DEMO_SSE_PORT)),
])
const streamable = `http://127.0.0.1:${httpPort}/mcp`
const sse = `http://127.0.0.1:${ssePort}/sse`
console.log(
  `\n  demo MCP servers (server-everything):\n    Streamable HTTP  ${streamable}\n    HTTP+SSE         ${sse}\n`,
)
vite = spawn('vite', process.argv.slice(2), {
  env: {
    ...process.env,
    VITE_MCP_DEMO_URL: streamable,
    VITE_MCP_DEMO_SSE_URL: sse,
  },
  stdio: 'inherit',
  shell: process.platform === 'win32',
})
vite.on('exit', (code) => stop(code ?? 0))
vite.on('error', (error) => {
  console.error(`could not start vite: ${error.message}`)
  stop(1)
})
