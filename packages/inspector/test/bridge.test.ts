import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startSdkServer, type RunningSdkServer } from '@mcp-sse/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TOKEN_HEADER, startLauncher, type Launcher } from '../src/index'
import { INITIALIZE_PARAMS, mcpHttp, sseMessages } from './support/mcp-http'
import { tempSite } from './support/paths'

let launcher: Launcher
let token: string
let sdk: RunningSdkServer

beforeAll(async () => {
  launcher = await startLauncher({ siteDir: tempSite() })
  token = new URL(launcher.pageUrl).hash.slice('#token='.length)
  sdk = await startSdkServer()
})

afterAll(async () => {
  await launcher?.close()
  await sdk?.stop()
})

const bridged = (target: string) =>
  `${launcher.origin}/bridge?target=${encodeURIComponent(target)}`

describe('the SDK v1 Streamable HTTP server (no CORS) through the bridge', () => {
  it('initializes, calls a tool with progress and ends the session, headers passed both ways', async () => {
    const client = mcpHttp(bridged(sdk.url), { [TOKEN_HEADER]: token })
    const { answer, response } = await client.request(
      'initialize',
      INITIALIZE_PARAMS,
    )
    expect(answer).toMatchObject({
      result: { serverInfo: { name: 'sdk-v1-test-server' } },
    })
    expect(client.sessionId).toBeDefined()
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(sdk.sessions()).toBe(1)
    expect((await client.notify('notifications/initialized')).status).toBe(202)

    const { answer: listed } = await client.request('tools/list')
    expect(JSON.stringify(listed)).toContain('countdown')
    const { answer: result, before } = await client.request('tools/call', {
      name: 'countdown',
      arguments: { steps: 3 },
      _meta: { progressToken: 7 },
    })
    expect(
      before.map((m) => (m.params as { progress: number }).progress),
    ).toEqual([1, 2, 3])
    expect(JSON.stringify(result)).toContain('liftoff')

    expect((await client.delete()).ok).toBe(true)
    expect(sdk.sessions()).toBe(0)
  })

  it('passes the server’s own statuses through (404 for an unknown session)', async () => {
    const client = mcpHttp(bridged(sdk.url), { [TOKEN_HEADER]: token })
    client.sessionId = 'no-such-session'
    const response = await client.post({
      jsonrpc: '2.0',
      id: 1,
      method: 'ping',
    })
    expect(response.status).toBe(404)
  })

  it('says what happened when nothing listens at the target', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const response = await fetch(bridged(`http://127.0.0.1:${port}/mcp`), {
      headers: { [TOKEN_HEADER]: token },
    })
    expect(response.status).toBe(502)
    expect(await response.text()).toContain('ECONNREFUSED')
  })
})

describe('forwarding', () => {
  let target: Server
  let targetUrl: string
  let seen: IncomingHttpHeaders = {}
  let release: () => void = () => {}
  let bodyChunks: string[] = []
  let firstChunkArrived: () => void = () => {}

  beforeAll(async () => {
    // A plain HTTP server that shows what the bridge sends and paces what it answers.
    target = createServer((req, res) => {
      seen = req.headers
      if (req.method === 'GET') {
        res.writeHead(200, {
          'Content-Type': 'text/event-stream',
          'Set-Cookie': 'tracking=1',
          'Access-Control-Allow-Origin': '*',
          'Mcp-Session-Id': 'abc',
        })
        res.write('data: {"first":true}\n\n')
        release = () => res.end('data: {"second":true}\n\n')
        return
      }
      bodyChunks = []
      req.on('data', (chunk: Buffer) => {
        bodyChunks.push(chunk.toString())
        if (bodyChunks.length === 1) firstChunkArrived()
      })
      req.on('end', () => res.writeHead(202).end())
    })
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve))
    targetUrl = `http://localhost:${(target.address() as AddressInfo).port}/mcp?x=1`
  })

  afterAll(async () => {
    target.closeAllConnections()
    await new Promise<void>((resolve) => target.close(() => resolve()))
  })

  it('streams an SSE answer frame by frame: the first arrives while the server still holds the second', async () => {
    const response = await fetch(bridged(targetUrl), {
      headers: { [TOKEN_HEADER]: token, Accept: 'text/event-stream' },
    })
    const frames = sseMessages(response)
    expect((await frames.next()).value).toEqual({ first: true })
    release()
    expect((await frames.next()).value).toEqual({ second: true })
    expect((await frames.next()).done).toBe(true)
    expect(response.headers.get('mcp-session-id')).toBe('abc')
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('forwards the page’s headers but not the token, cookies, Origin or hop-by-hop ones', async () => {
    await fetch(bridged(targetUrl), {
      headers: {
        [TOKEN_HEADER]: token,
        Authorization: 'Bearer for-the-server',
        'X-Tenant': 'a',
        Cookie: 'other-local-app=secret',
        Accept: 'text/event-stream',
        Origin: launcher.origin,
      },
    }).then((r) => {
      release()
      return r.text()
    })
    expect(seen.authorization).toBe('Bearer for-the-server')
    expect(seen['x-tenant']).toBe('a')
    expect(seen.host).toBe(new URL(targetUrl).host)
    expect(seen[TOKEN_HEADER]).toBeUndefined()
    expect(seen.cookie).toBeUndefined()
    expect(seen.origin).toBeUndefined()
    expect(JSON.stringify(seen)).not.toContain(token)
  })

  it('streams a POST body to the server as it is written', async () => {
    const encoder = new TextEncoder()
    let sendRest: () => void = () => {}
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('{"jsonrpc":"2.0",'))
        sendRest = () => {
          controller.enqueue(
            encoder.encode('"method":"notifications/initialized"}'),
          )
          controller.close()
        }
      },
    })
    const arrived = new Promise<void>(
      (resolve) => (firstChunkArrived = resolve),
    )
    const answer = fetch(bridged(targetUrl), {
      method: 'POST',
      headers: { [TOKEN_HEADER]: token, 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)
    // The first half reaches the server before the second half is even written.
    await arrived
    expect(bodyChunks.join('')).toBe('{"jsonrpc":"2.0",')
    sendRest()
    expect((await answer).status).toBe(202)
    expect(bodyChunks.join('')).toBe(
      '{"jsonrpc":"2.0","method":"notifications/initialized"}',
    )
  })
})
