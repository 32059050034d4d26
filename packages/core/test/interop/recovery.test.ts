import { describe, expect, it } from 'vitest'
import { isMCPError } from '../../src/index'
import type { WireEvent } from '../../src/index'
import {
  FAST_RECONNECT,
  STREAMS,
  recordStatuses,
  recordWire,
  requestId,
  useServerEverything,
  waitFor,
} from './helpers'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const retries = (wire: readonly WireEvent[]) =>
  wire.flatMap((event) => (event.type === 'retry' ? [event] : []))

/** Resolves once the POST carrying the first `method` request got its HTTP answer. */
function posted(wire: readonly WireEvent[], method: string) {
  return waitFor(
    () => {
      const id = requestId(wire, method)
      return wire.some(
        (event) =>
          event.type === 'post' &&
          event.status === 202 &&
          id !== undefined &&
          event.body.includes(`"id":${JSON.stringify(id)}`),
      )
    },
    { message: `the ${method} POST to be accepted` },
  )
}

describe.each(STREAMS)(
  'recovery from a server restart, $name stream',
  (kind) => {
    const env = useServerEverything()

    it('reconnects to a new session after the server is killed and started again', async () => {
      const client = env.client(kind)
      const wire = recordWire(client)
      const statuses = recordStatuses(client)
      await client.connect()
      const firstSession = client.sessionId
      expect(firstSession).toMatch(UUID)

      // A call that changes things on the server is in flight when the process dies.
      const inFlight = client
        .callTool('trigger-long-running-operation', { duration: 30, steps: 30 })
        .then(
          () => 'resolved',
          (error: unknown) => error,
        )
      await posted(wire, 'tools/call')

      await env.server.kill()
      await waitFor(() => client.getSnapshot().status === 'reconnecting', {
        message: "status 'reconnecting'",
      })
      await waitFor(() => retries(wire).length > 0, {
        message: 'a retry event',
      })
      expect(client.getSnapshot().error).not.toBeNull()

      // A request that is safe to repeat, made during the outage, waits for the new session.
      let settled = false
      const during = client.listTools().finally(() => {
        settled = true
      })
      const lost = await inFlight
      expect(isMCPError(lost, 'connection-lost')).toBe(true)
      expect(settled).toBe(false)

      await env.server.restart()
      await waitFor(() => client.getSnapshot().status === 'ready', {
        message: "status 'ready' again",
      })

      const snapshot = client.getSnapshot()
      expect(snapshot.sessionId).toMatch(UUID)
      expect(snapshot.sessionId).not.toBe(firstSession)
      expect(client.sessionId).toBe(snapshot.sessionId)
      expect(snapshot.error).toBeNull()
      expect(snapshot.serverInfo?.name).toBe('mcp-servers/everything')
      const { tools } = await during
      expect(tools.map((tool) => tool.name)).toContain('echo')
      await expect(
        client.callTool('echo', { message: 'after' }),
      ).resolves.toEqual({
        content: [{ type: 'text', text: 'Echo: after' }],
      })

      expect(statuses).toEqual([
        'idle',
        'connecting',
        'ready',
        'reconnecting',
        'ready',
      ])
      for (const retry of retries(wire)) {
        expect(retry.attempt).toBeGreaterThanOrEqual(1)
        expect(retry.delayMs).toBeLessThanOrEqual(FAST_RECONNECT.maxDelay)
      }
      // The new session was initialized afresh, on the stream opened after the restart.
      const opens = wire.filter((event) => event.type === 'stream-open')
      expect(opens.length).toBeGreaterThanOrEqual(2)
      expect(wire).toContainEqual(
        expect.objectContaining({
          type: 'endpoint',
          url: `${env.server.url}/message?sessionId=${snapshot.sessionId}`,
        }),
      )
    })

    it('re-sends a list whose POST was in flight when the server died; rejects a call', async () => {
      const client = env.client(kind)
      const wire = recordWire(client)
      await client.connect()
      const firstSession = client.sessionId

      // A frozen server takes the POSTs (the kernel accepts them) but never answers.
      env.server.pause()
      const list = client.listTools().then(
        (result) => result,
        (error: unknown) => error,
      )
      const call = client.callTool('echo', { message: 'lost' }).then(
        (result) => result,
        (error: unknown) => error,
      )
      await waitFor(() => requestId(wire, 'tools/list') !== undefined, {
        message: 'tools/list sent',
      })
      await waitFor(() => requestId(wire, 'tools/call') !== undefined, {
        message: 'tools/call sent',
      })
      await env.server.kill()
      await env.server.restart()

      const listed = await list
      expect(listed).toMatchObject({
        tools: expect.arrayContaining([
          expect.objectContaining({ name: 'echo' }),
        ]),
      })
      expect(client.sessionId).not.toBe(firstSession)
      // Whether the server ran the call cannot be known, so it must not be repeated.
      const lost = await call
      expect(isMCPError(lost, 'connection-lost')).toBe(true)
      const calls = wire.filter(
        (event) => event.type === 'post' && event.body.includes('"tools/call"'),
      )
      expect(calls).toHaveLength(1)
    })

    it('settles what waits for recovery when disconnected while reconnecting', async () => {
      const client = env.client(kind)
      const wire = recordWire(client)
      await client.connect()
      await env.server.kill()
      try {
        await waitFor(() => retries(wire).length > 0, {
          message: 'a retry event',
        })
        const waiting = client.ping().catch((error: unknown) => error)
        await client.disconnect()
        expect(isMCPError(await waiting, 'closed')).toBe(true)
        expect(client.getSnapshot().status).toBe('closed')
        // No retry may follow a disconnect. Absence cannot be awaited: watch for longer than the
        // longest backoff delay.
        const count = retries(wire).length
        await new Promise((resolve) =>
          setTimeout(resolve, FAST_RECONNECT.maxDelay + 300),
        )
        expect(retries(wire).length).toBe(count)
      } finally {
        await env.server.restart()
      }
    })

    it('gives up after maxRetries and rejects what waited', async () => {
      const client = env.client(kind, {
        reconnect: { initialDelay: 20, maxDelay: 50, maxRetries: 2 },
      })
      const wire = recordWire(client)
      await client.connect()
      await env.server.kill()
      try {
        await waitFor(() => client.getSnapshot().status === 'reconnecting', {
          message: "status 'reconnecting'",
        })
        const waiting = client.listTools().catch((error: unknown) => error)
        await waitFor(() => client.getSnapshot().status === 'error', {
          message: "status 'error'",
        })
        expect(isMCPError(await waiting)).toBe(true)
        expect(retries(wire).map((retry) => retry.attempt)).toEqual([1, 2])
        expect(client.getSnapshot().error).not.toBeNull()
      } finally {
        await env.server.restart()
      }
    })

    it('reports error at once when reconnection is turned off', async () => {
      const client = env.client(kind, { reconnect: false })
      const wire = recordWire(client)
      await client.connect()
      await env.server.kill()
      try {
        await waitFor(() => client.getSnapshot().status === 'error', {
          message: "status 'error'",
        })
        expect(retries(wire)).toEqual([])
        const error: unknown = await client.ping().catch((e: unknown) => e)
        expect(isMCPError(error)).toBe(true)
      } finally {
        await env.server.restart()
      }
    })

    it('reconnect() drops the session and opens a new one', async () => {
      const client = env.client(kind)
      const statuses = recordStatuses(client)
      await client.connect()
      const first = client.sessionId
      await client.reconnect()
      await waitFor(() => client.getSnapshot().status === 'ready', {
        message: "'ready'",
      })
      expect(client.sessionId).toMatch(UUID)
      expect(client.sessionId).not.toBe(first)
      expect(statuses.at(-1)).toBe('ready')
      await waitFor(
        () => env.server.output().includes(`Client Disconnected:  ${first}`),
        { message: 'the server to see the old stream end' },
      )
      await expect(client.ping()).resolves.toEqual({})
    })
  },
)
