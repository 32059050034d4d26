import { EventSource } from 'eventsource'
import { describe, expect, it } from 'vitest'
import { isMCPError } from '../index'
import { ofType, useMockNetwork, waitFor } from './support'

const net = useMockNetwork()
const viaEventSource = { stream: 'eventsource' as const, EventSource }

describe('the EventSource stream behaves like the fetch stream', () => {
  it.each([
    ['the reference dialect', {}],
    [
      'answers in POST bodies, no endpoint event',
      { endpoint: 'none' as const, answers: 'post-body' as const },
    ],
    [
      'a session id in a message',
      { endpoint: 'none' as const, sessionIdInMessage: true },
    ],
    ['unnamed events', { unnamedEvents: true }],
  ])('%s', async (_name, dialect) => {
    const server = net.serve({ dialect })
    const { client, wire } = net.client({
      ...viaEventSource,
      endpointTimeout: 50,
    })
    await client.connect()
    expect(ofType(wire, 'stream-open')[0]?.via).toBe('eventsource')
    expect(
      (await client.callTool('echo', { message: 'es' })).content[0],
    ).toEqual({
      type: 'text',
      text: 'Echo: es',
    })
    expect(server.received.length).toBeGreaterThan(0)
  })

  it('picks EventSource on auto when no headers are needed, fetch when they are', async () => {
    net.serve({
      dialect: { auth: { header: 'Authorization', value: 'Bearer x' } },
    })
    const withHeaders = net.client({
      stream: 'auto',
      EventSource,
      headers: { Authorization: 'Bearer x' },
    })
    await withHeaders.client.connect()
    expect(ofType(withHeaders.wire, 'stream-open')[0]?.via).toBe('fetch')
  })

  it('picks fetch on auto when keepAliveTimeout must see comment heartbeats', async () => {
    net.serve({ dialect: { heartbeat: { intervalMs: 20, as: 'comment' } } })
    const { client, wire } = net.client({
      stream: 'auto',
      EventSource,
      keepAliveTimeout: 150,
    })
    await client.connect()
    expect(ofType(wire, 'stream-open')[0]?.via).toBe('fetch')
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(ofType(wire, 'retry')).toEqual([])
  })

  it('explains why EventSource failed, which EventSource itself cannot tell', async () => {
    net.serve({
      dialect: { auth: { header: 'Authorization', value: 'Bearer x' } },
    })
    const { client } = net.client(viaEventSource)
    const error = await client.connect().catch((e: unknown) => e)
    expect(isMCPError(error, 'unauthorized')).toBe(true)
    expect((error as { status?: number }).status).toBe(401)
  })

  it('reconnects to a new session after the stream drops', async () => {
    const server = net.serve()
    const { client } = net.client(viaEventSource)
    await client.connect()
    const first = client.sessionId
    server.dropStreams()
    await waitFor(
      () =>
        client.getSnapshot().status === 'ready' && client.sessionId !== first,
      'a new session',
    )
    await client.ping()
    // One stream at a time: EventSource's own reconnection is off, ours replaced it.
    expect(server.sessions).toHaveLength(1)
  })
})
