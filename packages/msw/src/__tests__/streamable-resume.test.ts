import { describe, expect, it } from 'vitest'
import { call, handshake, messagesOf, openGet } from './streamable-client.js'
import { steps, useStreamableServer } from './streamable-fixture.js'

const server = useStreamableServer()
const url = server.mcpUrl

describe('Streamable HTTP: resumption', () => {
  it('SSE polling: closes the POST stream after priming with retry, replays the rest on GET + Last-Event-ID', async () => {
    server.setDialect({ closeAfterPriming: true, retry: 500 })
    const { headers } = await handshake(url)
    const { stream } = await call(url, steps(41), headers)
    await stream!.ended
    expect(stream!.text()).toMatch(/^id: s\d+_1\nretry: 500\ndata: \n\n$/)
    const primed = stream!.events[0]?.id ?? ''

    await expect.poll(() => server.received.length).toBe(3) // initialize, initialized, the call
    const resumed = await openGet(url, {
      ...headers,
      'Last-Event-ID': primed,
    })
    expect(resumed.response.status).toBe(200)
    const answer = await resumed.stream.message(41)
    expect(answer).toMatchObject({ result: { content: [{ text: 'done' }] } })
    await resumed.stream.ended // the POST's stream is over once replayed
    expect(messagesOf(resumed.stream).map((m) => m.method ?? 'answer')).toEqual(
      [
        'notifications/progress',
        'notifications/message',
        'notifications/progress',
        'notifications/message',
        'answer',
      ],
    )
    const get = server.httpRequests.find((r) => r.method === 'GET')
    expect(get?.headers['last-event-id']).toBe(primed)
  })

  it('replays only what came after the given id, on that stream only', async () => {
    server.setDialect({ closeAfterPriming: true })
    const { headers } = await handshake(url)
    const first = await call(url, steps(51), headers)
    const second = await call(url, steps(52), headers)
    await first.stream!.ended
    await second.stream!.ended
    await expect.poll(() => server.received.length).toBe(4)
    const one = await openGet(url, {
      ...headers,
      'Last-Event-ID': first.stream!.events[0]?.id ?? '',
    })
    await one.stream.ended
    const ids = messagesOf(one.stream).map((m) => m.id)
    expect(ids).toContain(51)
    expect(ids).not.toContain(52)
    // Resuming from the third event of the second stream skips its first two messages.
    const prefix = (second.stream!.events[0]?.id ?? '').split('_')[0] ?? ''
    const two = await openGet(url, {
      ...headers,
      'Last-Event-ID': `${prefix}_3`,
    })
    await two.stream.ended
    expect(messagesOf(two.stream).map((m) => m.method ?? m.id)).toEqual([
      'notifications/progress',
      'notifications/message',
      52,
    ])
  })

  it('cuts a stream before its answer; with event ids the answer waits for the resumption', async () => {
    server.setDialect({ cutBeforeAnswer: 'tools/call' })
    const { headers } = await handshake(url)
    const { stream } = await call(url, steps(61), headers)
    await stream!.ended
    const got = messagesOf(stream!)
    expect(got.some((m) => m.id === 61)).toBe(false)
    expect(got).toHaveLength(4)
    const last = stream!.events[stream!.events.length - 1]?.id ?? ''
    const resumed = await openGet(url, { ...headers, 'Last-Event-ID': last })
    expect(await resumed.stream.message(61)).toMatchObject({
      result: { content: [{ text: 'done' }] },
    })
  })

  it('without event ids a cut answer is lost, and a GET cannot resume anything', async () => {
    server.setDialect({ cutBeforeAnswer: 'tools/call', eventIds: false })
    const { headers } = await handshake(url)
    const { stream } = await call(url, steps(71), headers)
    await stream!.ended
    expect(stream!.events.every((e) => e.id === undefined)).toBe(true)
    expect(messagesOf(stream!).some((m) => m.id === 71)).toBe(false)
    const get = await openGet(url, headers)
    server.notify('custom/after')
    await get.stream.message('custom/after')
    expect(messagesOf(get.stream).some((m) => m.id === 71)).toBe(false)
    get.stream.close()
  })

  it('keeps what the GET stream sent while it was down, and replays it on resumption', async () => {
    const { headers } = await handshake(url)
    const get = await openGet(url, headers)
    server.notify('custom/one')
    await get.stream.message('custom/one')
    const seen = get.stream.events[get.stream.events.length - 1]?.id ?? ''
    server.cutStreams()
    await get.stream.ended
    server.notify('custom/two')
    server.notify('custom/three')
    const again = await openGet(url, { ...headers, 'Last-Event-ID': seen })
    await again.stream.message('custom/three')
    expect(messagesOf(again.stream).map((m) => m.method)).toEqual([
      'custom/two',
      'custom/three',
    ])
    expect(server.openStreams.get).toBe(1)
    again.stream.close()
  })

  it('does not cancel a request whose stream the client closed', async () => {
    const { headers } = await handshake(url)
    const { stream } = await call(url, steps(81), headers)
    await stream!.next((e) => e.data.includes('notifications/progress'))
    const seen = stream!.events[stream!.events.length - 1]?.id ?? ''
    stream!.close()
    await expect.poll(() => server.openStreams.post).toBe(0)
    const resumed = await openGet(url, { ...headers, 'Last-Event-ID': seen })
    expect(await resumed.stream.message(81)).toMatchObject({
      result: { content: [{ text: 'done' }] },
    })
  })
})
