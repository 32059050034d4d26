import { describe, expect, it } from 'vitest'
import { isMCPError } from '../../src/index'
import type { Progress } from '../../src/index'
import {
  TRANSPORTS,
  recordWire,
  requestId,
  sent,
  useServerEverything,
  waitFor,
} from './helpers'

describe.each(TRANSPORTS)(
  'tools on server-everything, $name stream',
  (kind) => {
    const env = useServerEverything(kind.mode)

    it('lists the tools with their input schemas', async () => {
      const client = env.client(kind)
      await client.connect()
      const { tools, nextCursor } = await client.listTools()
      expect(nextCursor).toBeUndefined()
      const names = tools.map((tool) => tool.name)
      expect(names).toEqual(
        expect.arrayContaining([
          'echo',
          'get-sum',
          'trigger-long-running-operation',
        ]),
      )
      const echo = tools.find((tool) => tool.name === 'echo')
      expect(echo?.inputSchema).toMatchObject({
        type: 'object',
        properties: { message: { type: 'string' } },
        required: ['message'],
      })
    })

    it('lists all tools, the same ones listTools sees', async () => {
      const client = env.client(kind)
      const listChanged = new Promise<void>((resolve) => {
        client.onNotification('notifications/tools/list_changed', () =>
          resolve(),
        )
      })
      await client.connect()
      // The server registers more tools once initialized and announces them; list after that.
      await listChanged
      const all = await client.listAllTools()
      const { tools } = await client.listTools()
      expect(all.map((tool) => tool.name).sort()).toEqual(
        tools.map((tool) => tool.name).sort(),
      )
      expect(all.length).toBeGreaterThan(5)
    })

    it('calls echo', async () => {
      const client = env.client(kind)
      await client.connect()
      const result = await client.callTool('echo', {
        message: 'hello, wörld 🌍',
      })
      expect(result.isError).toBeFalsy()
      expect(result.content).toEqual([
        { type: 'text', text: 'Echo: hello, wörld 🌍' },
      ])
    })

    it('calls get-sum with numeric arguments', async () => {
      const client = env.client(kind)
      await client.connect()
      const result = await client.callTool('get-sum', { a: 2, b: 40 })
      expect(result.content[0]).toMatchObject({
        type: 'text',
        text: expect.stringContaining('42'),
      })
    })

    it('reports progress of a long-running tool in increasing steps', async () => {
      const client = env.client(kind)
      const wire = recordWire(client)
      await client.connect()
      const updates: Progress[] = []
      const result = await client.callTool(
        'trigger-long-running-operation',
        { duration: 0.6, steps: 3 },
        { onProgress: (progress) => updates.push(progress) },
      )
      expect(
        updates.map(({ progress, total }) => ({ progress, total })),
      ).toEqual([
        { progress: 1, total: 3 },
        { progress: 2, total: 3 },
        { progress: 3, total: 3 },
      ])
      expect(result.content[0]).toMatchObject({
        type: 'text',
        text: 'Long running operation completed. Duration: 0.6 seconds, Steps: 3.',
      })
      // The request carried the token the server echoed in each notification.
      const call = sent(wire).find(
        (m) => 'method' in m && m.method === 'tools/call',
      )
      const meta = call && 'params' in call ? call.params?._meta : undefined
      expect(meta).toEqual({ progressToken: expect.anything() })
    })

    it('cancels a call through its AbortSignal and tells the server', async () => {
      const client = env.client(kind)
      const wire = recordWire(client)
      await client.connect()
      const abort = new AbortController()
      const updates: number[] = []
      const call = client.callTool(
        'trigger-long-running-operation',
        { duration: 20, steps: 40 },
        {
          signal: abort.signal,
          onProgress: ({ progress }) => updates.push(progress),
        },
      )
      // Abort only once the server is demonstrably working on it.
      await waitFor(() => updates.length > 0, { message: 'first progress' })
      abort.abort()

      const error: unknown = await call.catch((e: unknown) => e)
      expect(isMCPError(error, 'aborted')).toBe(true)
      const id = requestId(wire, 'tools/call')
      await waitFor(
        () =>
          sent(wire).find(
            (m) => 'method' in m && m.method === 'notifications/cancelled',
          ),
        { message: 'notifications/cancelled on the wire' },
      )
      const cancelled = sent(wire).find(
        (m) => 'method' in m && m.method === 'notifications/cancelled',
      )
      expect(cancelled).toMatchObject({ params: { requestId: id } })
      expect(cancelled && 'id' in cancelled).toBe(false)
      // The session is still usable.
      await expect(
        client.callTool('echo', { message: 'still here' }),
      ).resolves.toEqual({
        content: [{ type: 'text', text: 'Echo: still here' }],
      })
    })

    it('rejects at once for a signal that is already aborted, sending nothing', async () => {
      const client = env.client(kind)
      const wire = recordWire(client)
      await client.connect()
      const before = sent(wire).length
      const error: unknown = await client
        .callTool('echo', { message: 'never' }, { signal: AbortSignal.abort() })
        .catch((e: unknown) => e)
      expect(isMCPError(error, 'aborted')).toBe(true)
      expect(
        sent(wire)
          .slice(before)
          .filter((m) => 'method' in m && m.method === 'tools/call'),
      ).toEqual([])
    })
  },
)
