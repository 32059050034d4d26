import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TOKEN_HEADER, startLauncher, type Launcher } from '../src/index'
import {
  INITIALIZE_PARAMS,
  alive,
  mcpHttp,
  sseMessages,
  type McpHttp,
  type Message,
} from './support/mcp-http'
import { serverEverythingBin, tempSite } from './support/paths'

let launcher: Launcher
let headers: Record<string, string>
const logged: string[] = []

beforeAll(async () => {
  launcher = await startLauncher({
    siteDir: tempSite(),
    command: { command: serverEverythingBin, args: ['stdio'], env: {} },
    log: (line) => logged.push(line),
  })
  headers = {
    [TOKEN_HEADER]: new URL(launcher.pageUrl).hash.slice('#token='.length),
  }
})

afterAll(async () => {
  await launcher?.close()
})

async function initialized(): Promise<McpHttp> {
  const client = mcpHttp(launcher.stdioUrl ?? '', headers)
  const { answer, response } = await client.request(
    'initialize',
    INITIALIZE_PARAMS,
  )
  expect(response.headers.get('content-type')).toBe('text/event-stream')
  expect(answer).toMatchObject({
    result: { serverInfo: { name: expect.stringContaining('everything') } },
  })
  expect((await client.notify('notifications/initialized')).status).toBe(202)
  return client
}

/** Collects what arrives on a stream until `until` matches one message, or the stream ends. */
async function collect(
  stream: AsyncGenerator<Message>,
  until: (m: Message) => boolean,
): Promise<Message[]> {
  const seen: Message[] = []
  for (;;) {
    // Not for-await: leaving that loop would end the generator, and the stream with it.
    const next = await stream.next()
    if (next.done) return seen
    seen.push(next.value)
    if (until(next.value)) return seen
  }
}

describe('server-everything over stdio, spoken to over Streamable HTTP', () => {
  let client: McpHttp
  let get: AsyncGenerator<Message>

  it('initializes a session of its own: a session id and one new process', async () => {
    expect(launcher.stdioPids()).toHaveLength(0)
    client = await initialized()
    expect(client.sessionId).toMatch(/^[0-9a-f-]{36}$/)
    expect(launcher.stdioPids()).toHaveLength(1)
  })

  it('delivers what the server said before the GET stream opened, stderr included', async () => {
    const response = await client.openGet()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    get = sseMessages(response)
    const seen = await collect(
      get,
      (m) =>
        m.method === 'notifications/message' &&
        (m.params as { logger?: string }).logger === 'stderr',
    )
    expect(seen.at(-1)).toMatchObject({
      method: 'notifications/message',
      params: {
        level: 'info',
        logger: 'stderr',
        data: 'Starting default (STDIO) server...',
      },
    })
    expect(logged.join('\n')).toContain('Starting default (STDIO) server...')
  })

  it('lists tools', async () => {
    const { answer } = await client.request('tools/list')
    const names = (answer.result as { tools: { name: string }[] }).tools.map(
      (t) => t.name,
    )
    expect(names).toEqual(
      expect.arrayContaining([
        'echo',
        'trigger-long-running-operation',
        'trigger-sampling-request',
      ]),
    )
  })

  it('calls a tool with progress: the progress arrives on the POST stream before the answer', async () => {
    const { answer, before } = await client.request('tools/call', {
      name: 'trigger-long-running-operation',
      arguments: { duration: 0.6, steps: 3 },
      _meta: { progressToken: 'p-1' },
    })
    const progress = before.filter((m) => m.method === 'notifications/progress')
    expect(
      progress.map((m) => (m.params as { progress: number }).progress),
    ).toEqual([1, 2, 3])
    expect(
      progress.every(
        (m) => (m.params as { progressToken: string }).progressToken === 'p-1',
      ),
    ).toBe(true)
    expect(JSON.stringify(answer.result)).toContain(
      'Long running operation completed',
    )
  })

  it('carries a sampling request on the POST stream and the answer back to the server', async () => {
    const call = await client.post({
      jsonrpc: '2.0',
      id: 'call-sampling',
      method: 'tools/call',
      params: {
        name: 'trigger-sampling-request',
        arguments: { prompt: 'hi', maxTokens: 5 },
      },
    })
    let result: Message | undefined
    for await (const message of sseMessages(call)) {
      if (message.method === 'sampling/createMessage') {
        const reply = await client.post({
          jsonrpc: '2.0',
          id: message.id,
          result: {
            role: 'assistant',
            model: 'test-model',
            content: { type: 'text', text: 'sampled by the test' },
          },
        })
        expect(reply.status).toBe(202)
      }
      if (message.id === 'call-sampling') result = message
    }
    expect(JSON.stringify(result)).toContain('sampled by the test')
  })

  it('answers JSON when the client accepts only JSON', async () => {
    const response = await client.post(
      { jsonrpc: '2.0', id: 'json-1', method: 'ping' },
      { Accept: 'application/json' },
    )
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({
      jsonrpc: '2.0',
      id: 'json-1',
      result: {},
    })
  })

  it('refuses batches and non-JSON-RPC bodies with 400', async () => {
    expect(
      (
        await client.post([
          { jsonrpc: '2.0', id: 9, method: 'ping' },
        ] as unknown as Message)
      ).status,
    ).toBe(400)
    expect(
      (await client.post({ hello: 'world' } as unknown as Message)).status,
    ).toBe(400)
  })

  it('ends the process on DELETE; the session is then 404', async () => {
    const [pid] = launcher.stdioPids()
    expect(pid).toBeDefined()
    const deleted = await client.delete()
    expect(deleted.status).toBe(204)
    expect(alive(pid ?? -1)).toBe(false)
    expect(launcher.stdioPids()).toHaveLength(0)
    expect(
      await client.request('ping').catch((e: Error) => e.message),
    ).toContain('404')
    // The GET stream was ended with the session, after saying why.
    const rest = await collect(get, () => false)
    expect(rest.at(-1)).toMatchObject({
      params: { level: 'error', data: expect.stringContaining('DELETE') },
    })
  })

  it('gives each session its own process', async () => {
    const a = await initialized()
    const b = await initialized()
    expect(a.sessionId).not.toBe(b.sessionId)
    expect(launcher.stdioPids()).toHaveLength(2)
    await a.delete()
    await b.delete()
    expect(launcher.stdioPids()).toHaveLength(0)
  })
})

describe('a stdio server that fails', () => {
  it('answers initialize with an error naming a program that does not exist', async () => {
    const broken = await startLauncher({
      siteDir: tempSite(),
      command: { command: '/nonexistent/mcp-server', args: [], env: {} },
    })
    const token = new URL(broken.pageUrl).hash.slice('#token='.length)
    const client = mcpHttp(broken.stdioUrl ?? '', { [TOKEN_HEADER]: token })
    const { answer } = await client.request('initialize', INITIALIZE_PARAMS)
    expect(answer).toMatchObject({
      error: {
        message: expect.stringContaining('could not be started (ENOENT)'),
      },
    })
    await broken.close()
  })

  it('answers with the exit code and the last stderr lines when the server exits', async () => {
    const dying = await startLauncher({
      siteDir: tempSite(),
      command: {
        command: process.execPath,
        args: ['-e', 'console.error("config file missing"); process.exit(3)'],
        env: {},
      },
    })
    const token = new URL(dying.pageUrl).hash.slice('#token='.length)
    const client = mcpHttp(dying.stdioUrl ?? '', { [TOKEN_HEADER]: token })
    const { answer } = await client.request('initialize', INITIALIZE_PARAMS)
    const message = (answer.error as { message: string }).message
    expect(message).toContain('exited with code 3')
    expect(message).toContain('config file missing')
    await dying.close()
  })

  it('ends a session no page listens to after the idle timeout', async () => {
    const idle = await startLauncher({
      siteDir: tempSite(),
      command: { command: serverEverythingBin, args: ['stdio'], env: {} },
      idleTimeout: 300,
    })
    const token = new URL(idle.pageUrl).hash.slice('#token='.length)
    const client = mcpHttp(idle.stdioUrl ?? '', { [TOKEN_HEADER]: token })
    await client.request('initialize', INITIALIZE_PARAMS)
    const [pid] = idle.stdioPids()
    await expect.poll(() => alive(pid ?? -1), { timeout: 5_000 }).toBe(false)
    expect(idle.stdioPids()).toHaveLength(0)
    await idle.close()
  })
})
