import { describe, expect, it } from 'vitest'
import { endpointFromEventData, resolveUrls } from '../url'

describe('resolveUrls', () => {
  it.each([
    ['http://h:1', 'http://h:1/sse', 'http://h:1/message'],
    ['http://h:1/', 'http://h:1/sse', 'http://h:1/message'],
    ['http://h:1/mcp', 'http://h:1/mcp/sse', 'http://h:1/mcp/message'],
    ['http://h:1/mcp/sse', 'http://h:1/mcp/sse', 'http://h:1/mcp/message'],
    ['http://h:1/mcp/sse/', 'http://h:1/mcp/sse', 'http://h:1/mcp/message'],
    ['http://h:1/x?key=1', 'http://h:1/x/sse?key=1', 'http://h:1/x/message'],
  ])('%s → stream %s, fallback POST %s', (url, stream, post) => {
    const resolved = resolveUrls(url, '/sse', '/message')
    expect(resolved.stream.href).toBe(stream)
    expect(resolved.fallbackPost.href).toBe(post)
  })

  it('honours custom paths and an absolute postEndpoint', () => {
    const a = resolveUrls(
      'https://api.example.com/v1/mcp',
      '/events',
      'rpc?v=2',
    )
    expect(a.stream.href).toBe('https://api.example.com/v1/mcp/events')
    expect(a.fallbackPost.href).toBe('https://api.example.com/v1/mcp/rpc?v=2')
    const b = resolveUrls('http://h/sse', '/sse', 'http://other/in')
    expect(b.fallbackPost.href).toBe('http://other/in')
  })

  it('rejects what is not a URL with a hint', () => {
    expect(() => resolveUrls('not a url', '/sse', '/message')).toThrow(
      /absolute URL/,
    )
  })
})

describe('endpointFromEventData', () => {
  const stream = new URL('http://h:1/mcp/sse')
  it.each([
    ['/message?sessionId=1', 'http://h:1/message?sessionId=1'],
    ['messages/?session_id=2', 'http://h:1/mcp/messages/?session_id=2'],
    ['http://h:1/m?sessionId=3', 'http://h:1/m?sessionId=3'],
    ['{"endpoint":"/m?sessionId=4"}', 'http://h:1/m?sessionId=4'],
    ['{"url":"http://h:1/u"}', 'http://h:1/u'],
    ['"/quoted"', 'http://h:1/quoted'],
  ])('%s', (data, expected) => {
    expect(endpointFromEventData(data, stream)?.href).toBe(expected)
  })

  it.each(['', '{"nothing":1}', '{broken'])('names no endpoint: %s', (data) => {
    expect(endpointFromEventData(data, stream)).toBeNull()
  })
})
