import { createServer, type Server } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import {
  canConnect,
  getFreePort,
  startServerEverything,
  waitForPort,
  type RunningServer,
} from '../index'

/** Opens GET /sse and returns the data of its first `endpoint` event. */
async function readEndpointEvent(url: string): Promise<string> {
  const abort = new AbortController()
  const response = await fetch(`${url}/sse`, {
    headers: { Accept: 'text/event-stream' },
    signal: abort.signal,
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let text = ''
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done)
        throw new Error(`the stream ended before an endpoint event:\n${text}`)
      text += value
      const match = /event: endpoint\r?\ndata: (.*)\r?\n/.exec(text)
      if (match?.[1] !== undefined) return match[1]
    }
  } finally {
    abort.abort()
  }
}

describe('startServerEverything', () => {
  const started: RunningServer[] = []
  afterAll(async () => {
    await Promise.all(started.map((server) => server.stop()))
  })

  it('starts the sse server, survives a kill and restarts on the same port', async () => {
    const server = await startServerEverything({ mode: 'sse' })
    started.push(server)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
    expect(server.endpointUrl).toBe(`${server.url}/sse`)
    expect(server.running).toBe(true)
    expect(await readEndpointEvent(server.url)).toMatch(
      /^\/message\?sessionId=[0-9a-f-]{36}$/,
    )

    const firstPid = server.pid
    await server.kill()
    expect(server.running).toBe(false)
    expect(await canConnect(server.port)).toBe(false)

    await server.restart()
    expect(server.running).toBe(true)
    expect(server.pid).not.toBe(firstPid)
    expect(await canConnect(server.port)).toBe(true)
    expect(await readEndpointEvent(server.url)).toMatch(/sessionId=/)
    expect(server.output()).toContain('Client Connected')

    await server.stop()
    await server.stop()
    expect(server.running).toBe(false)
  })

  it('pauses and resumes the server', async () => {
    const server = await startServerEverything({ mode: 'sse' })
    started.push(server)
    server.pause()
    // A frozen server accepts the connection (the kernel does) but never answers.
    const frozen = fetch(`${server.url}/sse`, {
      signal: AbortSignal.timeout(300),
    })
    await expect(frozen).rejects.toThrow(/timeout|aborted/i)
    server.resume()
    expect(await readEndpointEvent(server.url)).toMatch(/sessionId=/)
    server.pause()
    // stop() must not wait on a frozen process.
    await server.stop()
    expect(server.running).toBe(false)
  })

  it('rejects with the server output when a requested port is taken', async () => {
    const port = await getFreePort()
    const blocker: Server = createServer()
    await new Promise<void>((resolve) => blocker.listen(port, resolve))
    try {
      await expect(startServerEverything({ port })).rejects.toThrow(
        /exited .* before listening on port \d+[\s\S]*server output/,
      )
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })

  it('starts the streamableHttp server', async () => {
    const server = await startServerEverything({ mode: 'streamableHttp' })
    started.push(server)
    expect(server.endpointUrl).toBe(`${server.url}/mcp`)
    const response = await fetch(server.endpointUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'testkit', version: '0' },
        },
      }),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('mcp-session-id')).toBeTruthy()
    await response.body?.cancel()
    await server.stop()
  })
})

describe('waitForPort', () => {
  it('rejects when nothing listens in time', async () => {
    const port = await getFreePort()
    await expect(waitForPort(port, 100)).rejects.toThrow(/within 100 ms/)
  })
})
