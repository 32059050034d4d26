import { describe, expect, it } from 'vitest'
import { useModernNetwork } from './modern-fixture'
import { ofType, waitFor } from './support'

const net = useModernNetwork()
const URL = 'http://localhost:3001/mcp'

describe('protocol 2026-07-28: subscriptions/listen', () => {
  it('opens one listen stream for list-change listeners and closes it when the last leaves', async () => {
    const server = net.serveModern({
      capabilities: {
        tools: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        prompts: { listChanged: true },
      },
    })
    const { client, wire } = net.client({ url: URL })
    const changes: string[] = []
    const stop = client.onNotification('notifications/tools/list_changed', () =>
      changes.push('tools'),
    )
    await client.connect()
    expect(server.subscriptions).toMatchObject([
      { notifications: { toolsListChanged: true } },
    ])
    server.addTool({ name: 'new', run: () => 'new' })
    await waitFor(() => changes.length === 1, 'the list change')
    expect(ofType(wire, 'sse-frame').some((f) => f.stream === 'listen')).toBe(
      true,
    )
    stop()
    await waitFor(
      () => server.subscriptions.length === 0,
      'the stream to close',
    )
  })

  it('adds a subscribed resource to the filter, making the new stream before breaking the old', async () => {
    const server = net.serveModern({
      capabilities: {
        tools: { listChanged: true },
        resources: { subscribe: true },
      },
    })
    const { client } = net.client({ url: URL })
    const updated: unknown[] = []
    client.onNotification('notifications/tools/list_changed', () => {})
    client.onNotification('notifications/resources/updated', (params) =>
      updated.push(params?.uri),
    )
    await client.connect()
    await client.subscribeResource('file:///a.txt')
    await waitFor(
      () =>
        server.subscriptions.length === 1 &&
        (server.subscriptions[0]?.notifications.resourceSubscriptions?.length ??
          0) === 1,
      'one stream with the resource',
    )
    expect(server.subscriptions[0]?.notifications).toMatchObject({
      toolsListChanged: true,
      resourceSubscriptions: ['file:///a.txt'],
    })
    expect(
      server.received.some(
        (r) =>
          'method' in r.message && r.message.method === 'resources/subscribe',
      ),
    ).toBe(false)
    server.updateResource('file:///a.txt')
    await waitFor(() => updated.length === 1, 'the update')
    expect(updated).toEqual(['file:///a.txt'])
  })

  it('re-opens the stream with backoff when the server ends it', async () => {
    const server = net.serveModern({
      capabilities: { tools: { listChanged: true } },
    })
    const { client } = net.client({ url: URL })
    const changes: string[] = []
    client.onNotification('notifications/tools/list_changed', () =>
      changes.push('x'),
    )
    await client.connect()
    server.endSubscriptions()
    await waitFor(
      () =>
        server.received.filter(
          (r) =>
            'method' in r.message &&
            r.message.method === 'subscriptions/listen',
        ).length === 2 && server.subscriptions.length === 1,
      'a second listen',
    )
    server.addTool({ name: 'later', run: () => 'later' })
    await waitFor(() => changes.length === 1, 'the change on the new stream')
  })

  it('opens no listen stream when nobody listens or the server offers no changes', async () => {
    const server = net.serveModern({ capabilities: { tools: {} } })
    const { client } = net.client({ url: URL })
    client.onNotification('notifications/tools/list_changed', () => {})
    await client.connect()
    await client.listTools()
    expect(
      server.received.some(
        (r) =>
          'method' in r.message && r.message.method === 'subscriptions/listen',
      ),
    ).toBe(false)
  })
})
