import { describe, expect, inject, it } from 'vitest'
import { isMCPError, MCPSSEClient, type WireEvent } from '../../src/index'

function client(
  url: string,
  options: Partial<ConstructorParameters<typeof MCPSSEClient>[0]> = {},
) {
  const instance = new MCPSSEClient({
    url,
    reconnect: false,
    connectTimeout: 10_000,
    ...options,
  })
  const wire: WireEvent[] = []
  instance.onWire((event) => wire.push(event))
  return { instance, wire }
}

describe('in a real browser', () => {
  it('finds Streamable HTTP from the bare origin and keeps its session across origins', async () => {
    const { instance, wire } = client(inject('everythingHttpUrl'))
    try {
      await instance.connect()
      expect(instance.getSnapshot()).toMatchObject({
        transport: 'streamable-http',
        protocolVersion: '2025-11-25',
        endpoint: `${inject('everythingHttpUrl')}/mcp`,
      })
      // The session id came from a cross-origin response header the server exposes.
      expect(instance.sessionId).toMatch(/^[0-9a-f-]{36}$/)
      // 2026-07-28 at the root (404, which rules out initialize there), 2026-07-28 at /mcp
      // (refused: no session), then initialize at /mcp.
      expect(
        wire.flatMap((e) =>
          e.type === 'probe' ? [[e.modern ?? false, e.outcome]] : [],
        ),
      ).toEqual([
        [true, 'fallback'],
        [true, 'fallback'],
        [false, 'ok'],
      ])
      const result = await instance.callTool('echo', { message: 'over http' })
      expect(result.content[0]).toMatchObject({ text: 'Echo: over http' })
      expect(
        wire.some((e) => e.type === 'stream-open' && e.stream === 'get'),
      ).toBe(true)
    } finally {
      await instance.disconnect()
    }
  })

  it("uses the browser's own EventSource against server-everything", async () => {
    const { instance, wire } = client(inject('everythingUrl'))
    try {
      const init = await instance.connect()
      expect(init.serverInfo.name).toBeTruthy()
      expect(wire.find((e) => e.type === 'stream-open')).toMatchObject({
        via: 'eventsource',
      })
      const result = await instance.callTool('echo', {
        message: 'from chromium',
      })
      expect(result.content[0]).toMatchObject({
        type: 'text',
        text: expect.stringContaining('from chromium'),
      })
    } finally {
      await instance.disconnect()
    }
  })

  it('streams with fetch and sends headers across origins (preflighted)', async () => {
    const { instance, wire } = client(inject('everythingUrl'), {
      headers: { 'X-Trace': 'abc' },
    })
    try {
      await instance.connect()
      expect(wire.find((e) => e.type === 'stream-open')).toMatchObject({
        via: 'fetch',
      })
      await instance.ping()
    } finally {
      await instance.disconnect()
    }
  })

  it.each(['eventsource', 'fetch'] as const)(
    'explains a CORS refusal of the stream (%s) with the headers the server must send',
    async (stream) => {
      const { instance } = client(inject('noCorsUrl'), { stream })
      const error = await instance.connect().catch((e: unknown) => e)
      expect(isMCPError(error, 'network')).toBe(true)
      const message = (error as Error).message
      expect(message).toContain('CORS')
      expect(message).toContain(
        `Access-Control-Allow-Origin: ${location.origin}`,
      )
      expect(instance.getSnapshot().status).toBe('error')
    },
  )

  it('explains a CORS refusal of the POST endpoint', async () => {
    const { instance } = client(inject('noCorsOnPostUrl'), {
      stream: 'fetch',
      reconnect: true,
    })
    const error = await instance.connect().catch((e: unknown) => e)
    expect(isMCPError(error, 'network')).toBe(true)
    expect((error as Error).message).toMatch(/POST endpoint.*CORS/)
  })
})
