import { describe, expect, it } from 'vitest'
import { MCPCatalog, type MCPCatalogSnapshot } from '../index'
import { echoTool, useMockNetwork, waitFor } from './support'

const net = useMockNetwork()

const many = Array.from({ length: 7 }, (_, i) => ({
  name: `tool-${String(i)}`,
  run: () => 'ok',
}))

/** Subscribes to the catalog and records every snapshot it publishes. */
function watch(catalog: MCPCatalog) {
  const seen: MCPCatalogSnapshot[] = []
  const stop = catalog.subscribe(() => seen.push(catalog.getSnapshot()))
  return { seen, stop }
}

const names = (list: readonly { name: string }[]) =>
  list.map((item) => item.name)

describe('MCPCatalog', () => {
  it('is one per client', () => {
    const { client } = net.client()
    expect(MCPCatalog.for(client)).toBe(MCPCatalog.for(client))
  })

  it('loads every page of every announced list once the client is ready', async () => {
    net.serve({
      tools: [echoTool, ...many],
      pageSize: 3,
      resources: [{ uri: 'file:///a', name: 'a', text: 'A' }],
      resourceTemplates: [{ uriTemplate: 'file:///{x}', name: 'x' }],
      prompts: [{ name: 'p', get: () => ({ messages: [] }) }],
    })
    const { client } = net.client()
    const catalog = MCPCatalog.for(client)
    const { stop } = watch(catalog)
    await client.connect()
    await waitFor(() => catalog.getSnapshot().tools.length === 8, 'all tools')
    const snapshot = catalog.getSnapshot()
    expect(names(snapshot.tools)).toEqual(['echo', ...names(many)])
    expect(snapshot.resources.map((r) => r.uri)).toEqual(['file:///a'])
    expect(names(snapshot.resourceTemplates)).toEqual(['x'])
    expect(names(snapshot.prompts)).toEqual(['p'])
    await waitFor(() => !catalog.getSnapshot().loading, 'loading done')
    expect(catalog.getSnapshot().error).toBeNull()
    stop()
  })

  it('asks only for what the server announced', async () => {
    const server = net.serve({ capabilities: { tools: {} } })
    const { client } = net.client()
    const catalog = MCPCatalog.for(client)
    const { stop } = watch(catalog)
    await client.connect()
    await waitFor(() => catalog.getSnapshot().tools.length === 1, 'tools')
    await waitFor(() => !catalog.getSnapshot().loading, 'loading done')
    const methods = server.received.map((entry) =>
      'method' in entry.message ? entry.message.method : '',
    )
    expect(methods).toContain('tools/list')
    expect(methods).not.toContain('resources/list')
    expect(methods).not.toContain('prompts/list')
    expect(catalog.getSnapshot().prompts).toEqual([])
    stop()
  })

  it('reloads a list when the server says it changed', async () => {
    const server = net.serve()
    const { client } = net.client()
    const catalog = MCPCatalog.for(client)
    const { stop } = watch(catalog)
    await client.connect()
    await waitFor(() => catalog.getSnapshot().tools.length === 1, 'first load')
    server.addTool({ name: 'second', run: () => 'ok' })
    await waitFor(() => catalog.getSnapshot().tools.length === 2, 'reload')
    expect(names(catalog.getSnapshot().tools)).toEqual(['echo', 'second'])
    stop()
  })

  it('reloads after a reconnect, and empties when the client is closed', async () => {
    const server = net.serve()
    const { client } = net.client()
    const catalog = MCPCatalog.for(client)
    const { stop } = watch(catalog)
    await client.connect()
    await waitFor(() => catalog.getSnapshot().tools.length === 1, 'first load')
    // Changed while the stream is down: no notification reaches the client.
    server.dropStreams()
    server.setTools([echoTool, { name: 'while-away', run: () => 'ok' }])
    await waitFor(() => catalog.getSnapshot().tools.length === 2, 'reload')
    await client.disconnect()
    expect(catalog.getSnapshot().tools).toEqual([])
    stop()
  })

  it('sends nothing while nobody listens, and starts when someone does', async () => {
    const server = net.serve()
    const { client } = net.client()
    const catalog = MCPCatalog.for(client)
    await client.connect()
    await new Promise((resolve) => setTimeout(resolve, 30))
    const lists = () =>
      server.received.filter(
        (entry) =>
          'method' in entry.message && entry.message.method.endsWith('/list'),
      ).length
    expect(lists()).toBe(0)
    const { stop } = watch(catalog)
    await waitFor(() => catalog.getSnapshot().tools.length === 1, 'load')
    stop()
    const before = lists()
    server.addTool({ name: 'unheard', run: () => 'ok' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(lists()).toBe(before)
  })

  it('shows a failed load as error, and clears it on the next success', async () => {
    const server = net.serve({ capabilities: { tools: { listChanged: true } } })
    server.neverAnswer('tools/list')
    const { client } = net.client({ requestTimeout: 50 })
    const catalog = MCPCatalog.for(client)
    const { stop } = watch(catalog)
    await client.connect()
    await waitFor(() => catalog.getSnapshot().error !== null, 'error')
    expect(catalog.getSnapshot().error?.code).toBe('timeout')
    expect(catalog.getSnapshot().loading).toBe(false)
    server.neverAnswer(false)
    await catalog.refresh(['tools'])
    expect(catalog.getSnapshot().error).toBeNull()
    expect(names(catalog.getSnapshot().tools)).toEqual(['echo'])
    stop()
  })
})
