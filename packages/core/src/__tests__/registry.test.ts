import { afterEach, describe, expect, it } from 'vitest'
import {
  ClientRegistry,
  isMCPError,
  optionsKey,
  type MCPSSEClientOptions,
} from '../index'
import { useMockNetwork, waitFor } from './support'

const net = useMockNetwork()

const base: MCPSSEClientOptions = {
  url: 'http://localhost:3001',
  stream: 'fetch',
  reconnect: false,
}

const registries: ClientRegistry[] = []
function registry(connections?: Record<string, MCPSSEClientOptions>) {
  const made = new ClientRegistry({ connections })
  registries.push(made)
  return made
}
afterEach(async () => {
  await Promise.all(registries.splice(0).map((r) => r.closeAll()))
})

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms))

describe('optionsKey', () => {
  it('compares options by value, functions by identity', () => {
    expect(
      optionsKey({ url: 'u', headers: { a: '1', b: '2' }, requestTimeout: 5 }),
    ).toBe(
      optionsKey({ requestTimeout: 5, headers: { b: '2', a: '1' }, url: 'u' }),
    )
    expect(optionsKey({ url: 'u', headers: { a: '1' } })).not.toBe(
      optionsKey({ url: 'u', headers: { a: '2' } }),
    )
    expect(optionsKey({ url: 'u', sseEndpoint: undefined })).toBe(
      optionsKey({ url: 'u' }),
    )
    const fetchA: typeof fetch = (...args) => fetch(...args)
    const fetchB: typeof fetch = (...args) => fetch(...args)
    expect(optionsKey({ url: 'u', fetch: fetchA })).toBe(
      optionsKey({ url: 'u', fetch: fetchA }),
    )
    expect(optionsKey({ url: 'u', fetch: fetchA })).not.toBe(
      optionsKey({ url: 'u', fetch: fetchB }),
    )
  })
})

describe('ClientRegistry', () => {
  it('resolves without connecting', async () => {
    const server = net.serve()
    const r = registry()
    const client = r.resolve({ ...base })
    await tick(20)
    expect(client.getSnapshot().status).toBe('idle')
    expect(server.sessions).toEqual([])
  })

  it('shares one client and stream between users of equal options, and closes after the last', async () => {
    const server = net.serve()
    const r = registry()
    const a = r.acquire({ ...base, headers: { x: '1' } })
    const b = r.acquire({ headers: { x: '1' }, ...base })
    expect(a.client).toBe(b.client)
    await a.client.connect()
    expect(server.sessions).toHaveLength(1)
    expect(r.getSnapshot()).toMatchObject([{ name: null, users: 2 }])

    a.release()
    a.release() // twice is harmless
    await tick(10)
    expect(a.client.getSnapshot().status).toBe('ready')
    b.release()
    await waitFor(() => a.client.getSnapshot().status === 'closed', 'closed')
    await waitFor(() => server.sessions.length === 0, 'stream closed')
    expect(r.getSnapshot()).toEqual([])
  })

  it('keeps the stream when a user comes back before the deferred close (StrictMode)', async () => {
    const server = net.serve()
    const r = registry()
    const first = r.acquire({ ...base })
    // React StrictMode: effect, cleanup, effect again, all in one task.
    first.release()
    const second = r.acquire({ ...base })
    expect(second.client).toBe(first.client)
    await second.client.connect()
    await tick(20)
    expect(second.client.getSnapshot().status).toBe('ready')
    expect(server.sessions).toHaveLength(1)
    second.release()
  })

  it('gives different options different clients', () => {
    net.serve()
    const r = registry()
    const a = r.acquire({ ...base })
    const b = r.acquire({ ...base, headers: { x: '1' } })
    expect(a.client).not.toBe(b.client)
    a.release()
    b.release()
  })

  it('holds named connections apart, even with equal options', async () => {
    net.serve()
    const r = registry({ one: base, two: base })
    const one = r.acquire({ connection: 'one' })
    const two = r.acquire({ connection: 'two' })
    expect(one.client).not.toBe(two.client)
    expect(r.get('one')).toBe(one.client)
    expect(r.names()).toEqual(['one', 'two'])
    await Promise.all([one.client.connect(), two.client.connect()])
    one.release()
    two.release()
  })

  it('gives a redefined connection a new client and tells subscribers', () => {
    const r = registry({ docs: base })
    let notified = 0
    r.subscribe(() => notified++)
    const before = r.keyOf({ connection: 'docs' })
    const old = r.resolve({ connection: 'docs' })
    r.define('docs', { ...base }) // equal by value: nothing happens
    expect(notified).toBe(0)
    r.define('docs', { ...base, headers: { a: '1' } })
    expect(notified).toBe(1)
    expect(r.keyOf({ connection: 'docs' })).not.toBe(before)
    expect(r.resolve({ connection: 'docs' })).not.toBe(old)
  })

  it('throws invalid-options, naming the fix, for an unknown connection', () => {
    const r = registry({ docs: base })
    let thrown: unknown
    try {
      r.acquire({ connection: 'nope' })
    } catch (error) {
      thrown = error
    }
    expect(isMCPError(thrown, 'invalid-options')).toBe(true)
    expect(String(thrown)).toContain("registry.define('nope'")
  })

  it('reconnects a closed client when a new user acquires it', async () => {
    const server = net.serve()
    const r = registry()
    const lease = r.acquire({ ...base })
    await lease.client.connect()
    await lease.client.disconnect()
    const again = r.acquire({ ...base })
    expect(again.client).toBe(lease.client)
    await waitFor(() => again.client.getSnapshot().status === 'ready', 'ready')
    expect(server.sessions).toHaveLength(1)
    lease.release()
    again.release()
  })
})
