import { startV2Server, type RunningV2Server } from '@mcp-sse/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isMCPError } from '../../src/index'
import { recordWire, sent, waitFor } from './helpers'
import { dumpOnFailure, sentMethods, useClients } from './modern-v2-support'

/**
 * What protocol 2026-07-28 carries outside one request's answer, against the official v2 SDK
 * server: change notifications on the `subscriptions/listen` stream, and cancellation by closing
 * a request's answer.
 */
const client = useClients()
let server: RunningV2Server
beforeAll(async () => {
  server = await startV2Server()
})
afterAll(async () => {
  await server.stop()
})

describe('subscriptions/listen', () => {
  it('delivers a tool list change to onNotification', async () => {
    const mcp = client({ url: server.url })
    const wire = recordWire(mcp)
    dumpOnFailure(wire)
    const changes: unknown[] = []
    mcp.onNotification('notifications/tools/list_changed', (params) =>
      changes.push(params),
    )
    await mcp.connect()
    const listen = sent(wire).find(
      (m) => 'method' in m && m.method === 'subscriptions/listen',
    )
    expect(listen).toMatchObject({
      params: { notifications: { toolsListChanged: true } },
    })
    await mcp.callTool('add-tool', { name: 'fresh' })
    await waitFor(() => changes.length > 0, {
      message: 'notifications/tools/list_changed',
    })
    expect(changes[0]).toMatchObject({
      _meta: {
        'io.modelcontextprotocol/subscriptionId':
          listen && 'id' in listen && listen.id,
      },
    })
    const names = (await mcp.listAllTools()).map((tool) => tool.name)
    expect(names).toContain('fresh')
  })

  it('delivers notifications/resources/updated for a subscribed resource', async () => {
    const mcp = client({ url: server.url })
    const wire = recordWire(mcp)
    dumpOnFailure(wire)
    const updates: unknown[] = []
    mcp.onNotification('notifications/resources/updated', (params) =>
      updates.push(params),
    )
    await mcp.connect()
    const before = await mcp.readResource(server.counterUri)
    await mcp.subscribeResource(server.counterUri)
    // subscribeResource opens a new listen stream; the server acknowledges it before updates.
    await waitFor(
      () =>
        wire.some(
          (e) =>
            e.type === 'message-in' &&
            'method' in e.message &&
            e.message.method === 'notifications/subscriptions/acknowledged' &&
            JSON.stringify(e.message.params).includes(server.counterUri),
        ),
      { message: 'the resource subscription acknowledged' },
    )
    await mcp.callTool('bump', {})
    await waitFor(() => updates.length > 0, { message: 'resources/updated' })
    expect(updates[0]).toMatchObject({ uri: server.counterUri })
    const after = await mcp.readResource(server.counterUri)
    expect(
      Number(
        after.contents[0] &&
          'text' in after.contents[0] &&
          after.contents[0].text,
      ),
    ).toBe(
      Number(
        before.contents[0] &&
          'text' in before.contents[0] &&
          before.contents[0].text,
      ) + 1,
    )
  })
})

describe('cancellation', () => {
  for (const [shape, options] of [
    ['a JSON answer still pending', {}],
    ['an SSE answer stream already open', { onProgress: () => {} }],
  ] as const)
    it(`rejects 'aborted' and the server sees the request cancelled (${shape})`, async () => {
      const mcp = client({ url: server.url })
      const wire = recordWire(mcp)
      await mcp.connect()
      const already = server.cancelled().length
      const controller = new AbortController()
      const call = mcp.callTool(
        'sleep',
        { ms: 10_000 },
        { ...options, signal: controller.signal },
      )
      setTimeout(() => controller.abort(), 200)
      const error = await call.catch((caught: unknown) => caught)
      expect(isMCPError(error) && error.code).toBe('aborted')
      await waitFor(() => server.cancelled().length > already, {
        message: 'the server saw the request cancelled',
      })
      // Closing the answer is the cancellation on this revision; there is no notification.
      expect(sentMethods(wire)).not.toContain('notifications/cancelled')
    })
})
