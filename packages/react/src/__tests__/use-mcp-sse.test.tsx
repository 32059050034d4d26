import {
  act,
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from '@testing-library/react'
import { StrictMode, version, type ReactNode } from 'react'
import { afterEach, beforeEach, expect, inject, it, vi } from 'vitest'
import { useMCPSSE, type UseMCPSSEOptions } from '../index'
import { useMockMCPServer } from './mcp-fixture'

const { server, streamsOpened } = useMockMCPServer()
const url = 'http://localhost:3001'

let consoleError: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error')
})
afterEach(async () => {
  cleanup()
  // Let the registry's deferred close run, so that the next test starts from no connection.
  await new Promise((resolve) => setTimeout(resolve, 10))
  // No act() warnings, no updates on unmounted components, nothing React complains about.
  expect(consoleError).not.toHaveBeenCalled()
  consoleError.mockRestore()
})

function Status({ options }: { options: string | UseMCPSSEOptions }) {
  const mcp = useMCPSSE(options)
  return (
    <div>
      <p data-testid="status">{mcp.status}</p>
      <p data-testid="server">{mcp.serverInfo?.name ?? ''}</p>
      <p data-testid="error">{mcp.error?.code ?? ''}</p>
      <ul>
        {mcp.tools.map((tool) => (
          <li key={tool.name}>{tool.name}</li>
        ))}
      </ul>
    </div>
  )
}

const strict = (node: ReactNode) => <StrictMode>{node}</StrictMode>
const status = () => screen.getByTestId('status').textContent

it(`runs on React ${String(inject('reactMajor'))}`, () => {
  expect(version.split('.')[0]).toBe(String(inject('reactMajor')))
})

it('connects, shows the server and its tools', async () => {
  render(strict(<Status options={url} />))
  await waitFor(() => expect(status()).toBe('ready'))
  expect(screen.getByTestId('server').textContent).toBe('mock-mcp-server')
  await screen.findByText('echo')
  expect(screen.getByText('slow')).toBeTruthy()
})

it('opens exactly one stream under StrictMode and closes it on unmount', async () => {
  const view = render(strict(<Status options={url} />))
  await waitFor(() => expect(status()).toBe('ready'))
  expect(streamsOpened()).toBe(1)
  expect(server.sessions).toHaveLength(1)
  view.unmount()
  await waitFor(() => expect(server.sessions).toEqual([]))
  expect(streamsOpened()).toBe(1)
})

it('opens nothing when re-rendered with equal options in a new object', async () => {
  const view = render(strict(<Status options={{ url, headers: { a: '1' } }} />))
  await waitFor(() => expect(status()).toBe('ready'))
  view.rerender(strict(<Status options={{ headers: { a: '1' }, url }} />))
  view.rerender(strict(<Status options={{ url, headers: { a: '1' } }} />))
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(status()).toBe('ready')
  expect(streamsOpened()).toBe(1)
  expect(server.sessions).toHaveLength(1)
})

it('closes the old connection and opens one new one when the headers change', async () => {
  const view = render(strict(<Status options={{ url, headers: { a: '1' } }} />))
  await waitFor(() => expect(status()).toBe('ready'))
  const first = server.sessions[0]
  view.rerender(strict(<Status options={{ url, headers: { a: '2' } }} />))
  await waitFor(() => {
    expect(server.sessions).toHaveLength(1)
    expect(server.sessions[0]).not.toBe(first)
  })
  await waitFor(() => expect(status()).toBe('ready'))
  expect(streamsOpened()).toBe(2)
})

it('holds the connection back while enabled is false', async () => {
  const view = render(strict(<Status options={{ url, enabled: false }} />))
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(status()).toBe('idle')
  expect(streamsOpened()).toBe(0)
  view.rerender(strict(<Status options={{ url, enabled: true }} />))
  await waitFor(() => expect(status()).toBe('ready'))
  expect(streamsOpened()).toBe(1)
  // Back to false: the connection is released and closes.
  view.rerender(strict(<Status options={{ url, enabled: false }} />))
  await waitFor(() => expect(server.sessions).toEqual([]))
})

it('unmounting while still connecting closes the stream and updates nothing', async () => {
  server.setDelay(50)
  const view = render(strict(<Status options={url} />))
  expect(status()).not.toBe('ready')
  view.unmount()
  await new Promise((resolve) => setTimeout(resolve, 150))
  expect(server.sessions).toEqual([])
  expect(streamsOpened()).toBeLessThanOrEqual(1)
})

it('refreshes the tool list when the server says it changed', async () => {
  render(strict(<Status options={url} />))
  await screen.findByText('echo')
  act(() => server.addTool({ name: 'added-later', run: () => 'new' }))
  await screen.findByText('added-later')
})

it('calls a tool and sends raw messages', async () => {
  function Caller() {
    const mcp = useMCPSSE(url)
    return (
      <div>
        <p data-testid="status">{mcp.status}</p>
        <button
          onClick={() => {
            void mcp.callTool('echo', { message: 'hi' }).then((result) => {
              const first = result.content[0]
              document.title = first?.type === 'text' ? first.text : ''
            })
          }}
        >
          call
        </button>
        <button
          onClick={() => {
            void mcp
              .sendMessage({ jsonrpc: '2.0', id: 'raw-1', method: 'ping' })
              .then((response) => {
                document.title = `pong ${String(response.id)}`
              })
          }}
        >
          ping
        </button>
      </div>
    )
  }
  render(strict(<Caller />))
  await waitFor(() => expect(status()).toBe('ready'))
  fireEvent.click(screen.getByText('call'))
  await waitFor(() => expect(document.title).toBe('Echo: hi'))
  fireEvent.click(screen.getByText('ping'))
  await waitFor(() => expect(document.title).toBe('pong raw-1'))
})

it('shows reconnecting while the stream is down, then ready again', async () => {
  render(
    strict(
      <Status
        options={{ url, reconnect: { initialDelay: 20, maxDelay: 50 } }}
      />,
    ),
  )
  await waitFor(() => expect(status()).toBe('ready'))
  server.fail({ stream: 503, times: 2 })
  act(() => server.dropStreams())
  await waitFor(() => expect(status()).toBe('reconnecting'))
  await waitFor(() => expect(status()).toBe('ready'))
  expect(streamsOpened()).toBe(4)
})

it('shows the error when the server refuses the credentials', async () => {
  server.setDialect({
    auth: { header: 'Authorization', value: 'Bearer right' },
  })
  render(
    strict(
      <Status
        options={{
          url,
          headers: { Authorization: 'Bearer wrong' },
          reconnect: false,
        }}
      />,
    ),
  )
  await waitFor(() => expect(status()).toBe('error'))
  expect(screen.getByTestId('error').textContent).toBe('unauthorized')
})

it('disconnect closes, reconnect opens again', async () => {
  function Controls() {
    const mcp = useMCPSSE(url)
    return (
      <div>
        <p data-testid="status">{mcp.status}</p>
        <button onClick={() => void mcp.disconnect()}>off</button>
        <button onClick={() => void mcp.reconnect()}>on</button>
      </div>
    )
  }
  render(strict(<Controls />))
  await waitFor(() => expect(status()).toBe('ready'))
  fireEvent.click(screen.getByText('off'))
  await waitFor(() => expect(status()).toBe('closed'))
  await waitFor(() => expect(server.sessions).toEqual([]))
  fireEvent.click(screen.getByText('on'))
  await waitFor(() => expect(status()).toBe('ready'))
})

it('takes a URL the user is still typing: idle while disabled, an error (not a crash) when invalid', async () => {
  function Typed({ typed, go }: { typed: string; go: boolean }) {
    const mcp = useMCPSSE({ url: typed, enabled: go })
    return (
      <div>
        <p data-testid="status">{mcp.status}</p>
        <p data-testid="error">{mcp.error?.code ?? ''}</p>
        <p data-testid="client">{mcp.client ? 'client' : 'none'}</p>
      </div>
    )
  }
  const view = render(strict(<Typed typed="" go={false} />))
  expect(status()).toBe('idle')
  expect(screen.getByTestId('client').textContent).toBe('none')
  view.rerender(strict(<Typed typed="http://" go />))
  expect(status()).toBe('error')
  expect(screen.getByTestId('error').textContent).toBe('invalid-options')
  view.rerender(strict(<Typed typed={url} go />))
  await waitFor(() => expect(status()).toBe('ready'))
  expect(screen.getByTestId('error').textContent).toBe('')
  expect(streamsOpened()).toBe(1)
})
