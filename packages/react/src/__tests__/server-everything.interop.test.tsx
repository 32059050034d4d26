import { MCPSSEProvider, useMCPSSE } from '@mcp-sse/react'
import { useMCPCallTool } from '@mcp-sse/react/query'
import { startServerEverything, type RunningServer } from '@mcp-sse/testkit'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from '@testing-library/react'
import { StrictMode, useState } from 'react'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'

// The real reference server (@modelcontextprotocol/server-everything) in HTTP+SSE mode and in
// Streamable HTTP mode, started on free ports by this file and stopped by it.
let server: RunningServer
let httpServer: RunningServer
beforeAll(async () => {
  ;[server, httpServer] = await Promise.all([
    startServerEverything({ mode: 'sse' }),
    startServerEverything({ mode: 'streamableHttp' }),
  ])
})
afterEach(() => cleanup())
afterAll(() => Promise.all([server.stop(), httpServer.stop()]))

function Explorer({ url }: { url: string }) {
  const mcp = useMCPSSE(url)
  const [answer, setAnswer] = useState('')
  return (
    <div>
      <p data-testid="status">{mcp.status}</p>
      <p data-testid="transport">{mcp.transport}</p>
      <p data-testid="counts">
        {mcp.tools.length > 0 &&
        mcp.resources.length > 0 &&
        mcp.prompts.length > 0
          ? 'all listed'
          : ''}
      </p>
      <ul>
        {mcp.tools.map((tool) => (
          <li key={tool.name}>{tool.name}</li>
        ))}
      </ul>
      <button
        disabled={!mcp.connected}
        onClick={() =>
          void mcp
            .callTool('echo', { message: 'from react' })
            .then((result) => {
              const first = result.content[0]
              setAnswer(first?.type === 'text' ? first.text : '')
            })
        }
      >
        echo
      </button>
      <output>{answer}</output>
    </div>
  )
}

// The same component, given only the server's address, over either transport.
it.each(['sse', 'streamableHttp'] as const)(
  'renders the live tool list of server-everything (%s) and calls echo',
  async (mode) => {
    render(
      <StrictMode>
        <Explorer url={(mode === 'sse' ? server : httpServer).url} />
      </StrictMode>,
    )
    await waitFor(() =>
      expect(screen.getByTestId('status').textContent).toBe('ready'),
    )
    expect(screen.getByTestId('transport').textContent).toBe(
      mode === 'sse' ? 'sse' : 'streamable-http',
    )
    expect(await screen.findByText('echo')).toBeTruthy()
    await waitFor(() =>
      expect(screen.getByTestId('counts').textContent).toBe('all listed'),
    )
    fireEvent.click(screen.getByRole('button', { name: 'echo' }))
    expect(await screen.findByText(/from react/)).toBeTruthy()
  },
)

function LongRun() {
  const call = useMCPCallTool('everything')
  return (
    <div>
      <button
        onClick={() =>
          call.mutate({
            name: 'trigger-long-running-operation',
            arguments: { duration: 1, steps: 4 },
          })
        }
      >
        run
      </button>
      <p data-testid="progress">
        {call.progress ? String(call.progress.progress) : ''}
      </p>
      <p data-testid="state">{call.status}</p>
    </div>
  )
}

it('reports the progress of a long-running tool through useMCPCallTool', async () => {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MCPSSEProvider connections={{ everything: { url: server.url } }}>
        <LongRun />
      </MCPSSEProvider>
    </QueryClientProvider>,
  )
  fireEvent.click(screen.getByText('run'))
  await waitFor(
    () => expect(screen.getByTestId('state').textContent).toBe('success'),
    { timeout: 10_000 },
  )
  expect(screen.getByTestId('progress').textContent).toBe('4')
})
