import { describe, expect, it } from 'vitest'
import {
  LOGGING_LEVELS,
  type JSONRPCMessage,
  type LoggingLevel,
} from '../../src/index'
import {
  TRANSPORTS,
  recordWire,
  sent,
  useServerEverything,
  waitFor,
} from './helpers'

const LEVELS = LOGGING_LEVELS

describe.each(TRANSPORTS)(
  'notifications and server requests, $name stream',
  (kind) => {
    const env = useServerEverything(kind.mode)

    it('delivers the tools/list_changed the server sends after initialize', async () => {
      const client = env.client(kind)
      const named: unknown[] = []
      const any: JSONRPCMessage[] = []
      client.onNotification('notifications/tools/list_changed', (params) =>
        named.push(params),
      )
      client.onNotification('*', (_params, message) => any.push(message))
      await client.connect()
      await waitFor(() => named.length > 0, { message: 'tools/list_changed' })
      expect(any).toContainEqual(
        expect.objectContaining({ method: 'notifications/tools/list_changed' }),
      )
    })

    it('stops delivering once unsubscribed', async () => {
      const client = env.client(kind)
      const seen: unknown[] = []
      const all: unknown[] = []
      const unsubscribe = client.onNotification(
        'notifications/tools/list_changed',
        (params) => seen.push(params),
      )
      client.onNotification('notifications/tools/list_changed', (params) =>
        all.push(params),
      )
      unsubscribe()
      await client.connect()
      await waitFor(() => all.length > 0, { message: 'tools/list_changed' })
      expect(seen).toEqual([])
    })

    it('sets the logging level and receives log messages', async () => {
      const client = env.client(kind)
      const logs: { level: LoggingLevel; data: unknown }[] = []
      client.onNotification('notifications/message', (params) => {
        logs.push(params as { level: LoggingLevel; data: unknown })
      })
      await client.connect()
      await expect(client.setLoggingLevel('debug')).resolves.toEqual({})

      // The tool sends one message at once (random level, so 'debug' lets every one through),
      // then one every 5 s; the second call turns it off again.
      const started = await client.callTool('toggle-simulated-logging')
      expect(started.content[0]).toMatchObject({
        text: expect.stringContaining('Started'),
      })
      const log = await waitFor(() => logs[0], {
        message: 'a log notification',
      })
      expect(LEVELS).toContain(log.level)
      expect(log.data).toEqual(
        expect.stringContaining(`SessionId ${client.sessionId}`),
      )
      const stopped = await client.callTool('toggle-simulated-logging')
      expect(stopped.content[0]).toMatchObject({
        text: expect.stringContaining('Stopped'),
      })
    })

    it('answers the server roots/list request through setRequestHandler', async () => {
      const client = env.client(kind)
      const wire = recordWire(client)
      const asked: unknown[] = []
      client.setRequestHandler('roots/list', (params) => {
        asked.push(params)
        return { roots: [{ uri: 'file:///work/project', name: 'project' }] }
      })
      const logs: unknown[] = []
      client.onNotification('notifications/message', (params) =>
        logs.push(params),
      )
      await client.connect()

      // A handler announces its capability in initialize.
      const initialize = sent(wire).find(
        (m) => 'method' in m && m.method === 'initialize',
      )
      expect(initialize).toMatchObject({
        params: { capabilities: { roots: {} } },
      })

      // The server asks for the roots shortly after initialization and logs what it got.
      await waitFor(() => asked.length > 0, {
        message: 'roots/list from the server',
      })
      const answer = await waitFor(
        () =>
          sent(wire).find(
            (m) => 'result' in m && Array.isArray(m.result.roots),
          ),
        { message: 'the roots/list answer on the wire' },
      )
      expect(answer).toMatchObject({
        result: { roots: [{ uri: 'file:///work/project' }] },
      })
      await waitFor(
        () =>
          logs.find((entry) =>
            JSON.stringify(entry).includes(
              'Roots updated: 1 root(s) received from client',
            ),
          ),
        { message: 'the server to confirm the roots' },
      )
      const listed = await client.callTool('get-roots-list')
      expect(listed.content[0]).toMatchObject({
        text: expect.stringContaining('URI: file:///work/project'),
      })
    })

    it('answers sampling/createMessage from the server during a tool call', async () => {
      const client = env.client(kind)
      const prompts: unknown[] = []
      client.setRequestHandler('sampling/createMessage', (params) => {
        prompts.push(params)
        return {
          role: 'assistant',
          content: { type: 'text', text: 'sampled by the test' },
          model: 'test-model',
          stopReason: 'endTurn',
        }
      })
      const listChanged = new Promise<void>((resolve) =>
        client.onNotification('notifications/tools/list_changed', () =>
          resolve(),
        ),
      )
      await client.connect()
      // The sampling tool exists only once the server has read our capabilities.
      await listChanged
      const result = await client.callTool('trigger-sampling-request', {
        prompt: 'say hi',
        maxTokens: 20,
      })
      expect(prompts).toEqual([
        expect.objectContaining({
          maxTokens: 20,
          messages: [
            expect.objectContaining({
              content: expect.objectContaining({
                text: expect.stringContaining('say hi'),
              }),
            }),
          ],
        }),
      ])
      expect(result.content[0]).toMatchObject({
        text: expect.stringContaining('sampled by the test'),
      })
    })

    it('answers elicitation/create from the server during a tool call', async () => {
      const client = env.client(kind)
      const asked: unknown[] = []
      client.setRequestHandler('elicitation/create', (params) => {
        asked.push(params)
        return { action: 'decline' }
      })
      const listChanged = new Promise<void>((resolve) =>
        client.onNotification('notifications/tools/list_changed', () =>
          resolve(),
        ),
      )
      await client.connect()
      await listChanged
      const result = await client.callTool('trigger-elicitation-request')
      expect(asked).toEqual([
        expect.objectContaining({
          requestedSchema: expect.objectContaining({ type: 'object' }),
        }),
      ])
      expect(result.content).toContainEqual(
        expect.objectContaining({
          text: expect.stringContaining('declined'),
        }),
      )
    })

    it('delivers resource updates after subscribing', async () => {
      const client = env.client(kind)
      const updated: unknown[] = []
      client.onNotification('notifications/resources/updated', (params) =>
        updated.push(params),
      )
      await client.connect()
      const uri = 'demo://resource/dynamic/text/1'
      await expect(client.subscribeResource(uri)).resolves.toEqual({})
      // The tool sends one update per subscribed resource at once, then every 5 s.
      await client.callTool('toggle-subscriber-updates')
      await waitFor(() => updated.length > 0, {
        message: 'resources/updated',
      })
      expect(updated[0]).toEqual({ uri })
      await client.callTool('toggle-subscriber-updates')
      await expect(client.unsubscribeResource(uri)).resolves.toEqual({})
    })
  },
)
