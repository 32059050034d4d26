import { describe, expect, it } from 'vitest'
import {
  STREAMS,
  recordStatuses,
  useServerEverything,
  waitFor,
} from './helpers'

describe.each(STREAMS)(
  'sessions on server-everything, $name stream',
  (kind) => {
    const env = useServerEverything()

    it('matches many concurrent answers to their requests', async () => {
      const client = env.client(kind)
      await client.connect()
      const messages = Array.from({ length: 40 }, (_, i) => `message ${i}`)
      const results = await Promise.all(
        messages.map((message) => client.callTool('echo', { message })),
      )
      expect(results.map((result) => result.content[0])).toEqual(
        messages.map((message) => ({ type: 'text', text: `Echo: ${message}` })),
      )
    })

    it('keeps two clients on separate sessions', async () => {
      const first = env.client(kind)
      const second = env.client(kind)
      const secondLogs: unknown[] = []
      second.onNotification('notifications/message', (params) =>
        secondLogs.push(params),
      )
      const firstLogs: unknown[] = []
      first.onNotification('notifications/message', (params) =>
        firstLogs.push(params),
      )
      await Promise.all([first.connect(), second.connect()])
      expect(first.sessionId).not.toBe(second.sessionId)

      await first.setLoggingLevel('debug')
      await first.callTool('toggle-simulated-logging')
      await waitFor(() => firstLogs.length > 0, {
        message: "the first client's log",
      })
      await first.callTool('toggle-simulated-logging')
      // The second session asked for nothing; a ping round trip on it shows its stream is current.
      await second.ping()
      expect(secondLogs).toEqual([])
    })

    it('treats a silent stream as dropped after keepAliveTimeout', async () => {
      // server-everything sends no heartbeats, so a frozen process leaves the stream silent.
      const client = env.client(kind, { keepAliveTimeout: 1_000 })
      const statuses = recordStatuses(client)
      await client.connect()
      const firstSession = client.sessionId
      env.server.pause()
      try {
        await waitFor(() => client.getSnapshot().status === 'reconnecting', {
          message: "status 'reconnecting' after the silence",
        })
      } finally {
        env.server.resume()
      }
      await waitFor(() => client.getSnapshot().status === 'ready', {
        message: "status 'ready' again",
      })
      expect(client.sessionId).not.toBe(firstSession)
      expect(statuses).toEqual([
        'idle',
        'connecting',
        'ready',
        'reconnecting',
        'ready',
      ])
      await expect(client.ping()).resolves.toEqual({})
    })
  },
)
