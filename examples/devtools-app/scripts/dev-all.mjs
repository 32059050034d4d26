// `pnpm dev:all`: two real server-everything processes on free loopback ports (Streamable HTTP
// and HTTP+SSE), then Vite with the page's address naming them. Everything stops with Vite or on
// Ctrl+C.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { connect, createServer } from 'node:net'
import { dirname, join } from 'node:path'

function serverBin() {
  const require = createRequire(import.meta.url)
  const manifest =
    require.resolve('@modelcontextprotocol/server-everything/package.json')
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

async function listening(port, ms = 20_000) {
  for (const deadline = Date.now() + ms; Date.now() < deadline;) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
    })
    if (open) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`server-everything did not listen on ${port} within ${ms} ms`)
}

const children = []
const stop = () =>
  children.forEach((child) => child.exitCode === null && child.kill('SIGTERM'))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

async function start(mode) {
  const port = await freePort()
  const child = spawn(process.execPath, [serverBin(), mode], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(child)
  await listening(port)
  return port
}

try {
  const [http, sse] = await Promise.all([start('streamableHttp'), start('sse')])
  const query = new URLSearchParams({
    http: `http://127.0.0.1:${http}/mcp`,
    sse: `http://127.0.0.1:${sse}/sse`,
  })
  const vite = spawn(
    process.execPath,
    [join('node_modules', 'vite', 'bin', 'vite.js'), '--open', `/?${query}`],
    { stdio: 'inherit' },
  )
  children.push(vite)
  console.log(`servers: Streamable HTTP on ${http}, HTTP+SSE on ${sse}`)
  vite.on('exit', stop)
} catch (error) {
  stop()
  throw error
}
