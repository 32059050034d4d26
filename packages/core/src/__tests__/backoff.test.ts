import { afterEach, describe, expect, it, vi } from 'vitest'
import { backoffDelay, resolveReconnect } from '../backoff'
import { ofType, useMockNetwork, waitFor } from './support'

describe('backoffDelay', () => {
  const options = resolveReconnect({
    initialDelay: 100,
    maxDelay: 1000,
    factor: 2,
    jitter: 0.5,
  })
  it('grows exponentially up to maxDelay', () => {
    const noJitter = () => 0
    expect(
      [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, options, noJitter)),
    ).toEqual([100, 200, 400, 800, 1000, 1000])
  })
  it('takes off at most the jitter share', () => {
    expect(backoffDelay(3, options, () => 1)).toBe(200)
    expect(backoffDelay(3, options, () => 0.5)).toBe(300)
  })
  it('is off with reconnect: false', () => {
    expect(resolveReconnect(false).enabled).toBe(false)
    expect(resolveReconnect(undefined).enabled).toBe(true)
  })
})

/** Polls on setImmediate, which the fake timers leave alone, so time stands still meanwhile. */
async function until(predicate: () => boolean) {
  for (let i = 0; i < 10_000 && !predicate(); i++) {
    await new Promise((resolve) => setImmediate(resolve))
  }
  expect(predicate()).toBe(true)
}

describe('reconnection schedule', () => {
  const net = useMockNetwork()
  afterEach(() => {
    vi.useRealTimers()
  })

  it('waits the backoff delay before each new attempt', async () => {
    const server = net.serve()
    const { client, wire } = net.client({
      reconnect: { initialDelay: 1000, maxDelay: 8000, factor: 2, jitter: 0 },
    })
    await client.connect()
    let opens = 0
    client.onWire((event) => {
      if (event.type === 'stream-error' || event.type === 'stream-open') opens++
    })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    server.fail({ stream: 503 })
    server.dropStreams()
    await until(() => ofType(wire, 'retry').length === 1)
    expect(ofType(wire, 'retry')[0]).toMatchObject({
      attempt: 1,
      delayMs: 1000,
    })
    await vi.advanceTimersByTimeAsync(999)
    expect(opens).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    await until(() => ofType(wire, 'retry').length === 2)
    expect(opens).toBe(1)
    expect(ofType(wire, 'retry')[1]).toMatchObject({
      attempt: 2,
      delayMs: 2000,
    })
    expect(client.getSnapshot()).toMatchObject({
      status: 'reconnecting',
      reconnectAttempt: 2,
    })
    server.fail(null)
    await vi.advanceTimersByTimeAsync(2000)
    vi.useRealTimers()
    await waitFor(() => client.getSnapshot().status === 'ready', 'ready again')
    expect(client.getSnapshot().reconnectAttempt).toBe(0)
  })
})
