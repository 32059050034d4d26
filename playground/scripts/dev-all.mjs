// `pnpm dev`: a real server-everything (SSE) on a free port, then Vite with the page pointed at it.
// The server is killed when Vite exits, and both when this script is interrupted.
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

const port = Number(process.env.MCP_DEMO_PORT) || (await freePort())
const server = spawn(process.execPath, [serverBin(), 'sse'], {
  env: { ...process.env, PORT: String(port) },
  stdio: ['ignore', 'ignore', 'inherit'],
})
let vite
const stop = (code) => {
  if (vite && vite.exitCode === null) vite.kill('SIGTERM')
  if (server.exitCode === null) server.kill('SIGTERM')
  process.exitCode = code
}
process.on('SIGINT', () => stop(130))
process.on('SIGTERM', () => stop(143))
server.on('exit', (code) => {
  if (vite === undefined) process.exit(code ?? 1)
})

await waitForPort(port)
const url = `http://127.0.0.1:${port}`
console.log(`\n  demo MCP server (server-everything, sse): ${url}/sse\n`)
vite = spawn('vite', process.argv.slice(2), {
  env: { ...process.env, VITE_MCP_DEMO_URL: url },
  stdio: 'inherit',
  shell: process.platform === 'win32',
})
vite.on('exit', (code) => stop(code ?? 0))
