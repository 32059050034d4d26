// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { afterEach, expect, it, vi } from 'vitest'
import { MCPSSEProvider, useMCPSSE } from '../index'

afterEach(() => {
  vi.unstubAllGlobals()
})

function Status() {
  const mcp = useMCPSSE('http://localhost:3001')
  return (
    <p>
      {mcp.status}:{mcp.tools.length}
    </p>
  )
}

function Named() {
  const mcp = useMCPSSE({ connection: 'docs' })
  return <p>{mcp.status}</p>
}

it('renders on the server as idle without touching fetch or EventSource', () => {
  const fetchCalls: unknown[] = []
  const streams: unknown[] = []
  vi.stubGlobal('fetch', (...args: unknown[]) => {
    fetchCalls.push(args)
    return Promise.reject(new Error('no network during SSR'))
  })
  vi.stubGlobal(
    'EventSource',
    class {
      constructor(url: string) {
        streams.push(url)
      }
    },
  )
  const html = renderToString(
    <>
      <Status />
      <MCPSSEProvider connections={{ docs: { url: 'http://localhost:3002' } }}>
        <Named />
      </MCPSSEProvider>
    </>,
  )
  expect(html).toBe('<p>idle<!-- -->:<!-- -->0</p><p>idle</p>')
  expect(fetchCalls).toEqual([])
  expect(streams).toEqual([])
})
