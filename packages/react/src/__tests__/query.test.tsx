import { isMCPError, MCPSSEClient } from '@mcp-sse/core'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import {
  act,
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from '@testing-library/react'
import { useState, type ReactNode } from 'react'
import { afterEach, expect, it } from 'vitest'
import { MCPSSEProvider } from '../index'
import {
  mcpQueryKeys,
  useMCPCallTool,
  useMCPGetPrompt,
  useMCPPrompts,
  useMCPReadResource,
  useMCPResources,
  useMCPTools,
} from '../query/index'
import { useMockMCPServer } from './mcp-fixture'

const { server, streamsOpened } = useMockMCPServer('http://localhost:4101')

afterEach(async () => {
  cleanup()
  await new Promise((resolve) => setTimeout(resolve, 10))
})

function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  )
  return (
    <QueryClientProvider client={queryClient}>
      <MCPSSEProvider connections={{ docs: { url: 'http://localhost:4101' } }}>
        {children}
      </MCPSSEProvider>
    </QueryClientProvider>
  )
}

it('namespaces query keys per connection', () => {
  expect(mcpQueryKeys('docs').tools).toEqual(['mcp-sse', 'docs', 'tools'])
  expect(mcpQueryKeys('docs').resource('file:///a')).toEqual([
    'mcp-sse',
    'docs',
    'resource',
    'file:///a',
  ])
  expect(mcpQueryKeys('docs').prompt('greet', { who: 'x' })).toEqual([
    'mcp-sse',
    'docs',
    'prompt',
    'greet',
    { who: 'x' },
  ])
  expect(mcpQueryKeys('other').all).not.toEqual(mcpQueryKeys('docs').all)
})

it('lists tools, resources and prompts, and refetches tools on list_changed', async () => {
  function Lists() {
    const tools = useMCPTools('docs')
    const resources = useMCPResources('docs')
    const prompts = useMCPPrompts('docs')
    return (
      <p data-testid="lists">
        {(tools.data ?? []).map((tool) => tool.name).join(',')}|
        {resources.data?.[0]?.uri ?? ''}|{prompts.data?.[0]?.name ?? ''}
      </p>
    )
  }
  render(
    <Providers>
      <Lists />
    </Providers>,
  )
  const lists = () => screen.getByTestId('lists').textContent
  await waitFor(() => expect(lists()).toBe('echo,slow|file:///notes.txt|greet'))
  act(() => server.addTool({ name: 'third', run: () => '3' }))
  await waitFor(() =>
    expect(lists()).toBe('echo,slow,third|file:///notes.txt|greet'),
  )
  expect(streamsOpened()).toBe(1)
})

it('reads a resource and refetches it when the server says it was updated', async () => {
  function Notes() {
    const notes = useMCPReadResource('docs', 'file:///notes.txt', {
      subscribe: true,
    })
    const first = notes.data?.contents[0]
    return (
      <p data-testid="notes">
        {typeof first?.text === 'string' ? first.text : ''}
      </p>
    )
  }
  render(
    <Providers>
      <Notes />
    </Providers>,
  )
  const notes = () => screen.getByTestId('notes').textContent
  await waitFor(() => expect(notes()).toBe('first version'))
  await server.waitForMessage('resources/subscribe')
  server.setResources([
    { uri: 'file:///notes.txt', name: 'notes', text: 'second version' },
  ])
  act(() => server.updateResource('file:///notes.txt'))
  await waitFor(() => expect(notes()).toBe('second version'))
})

it('gets a prompt keyed by its arguments', async () => {
  function Greeting({ who }: { who: string }) {
    const prompt = useMCPGetPrompt('docs', 'greet', { who })
    const content = prompt.data?.messages[0]?.content
    return (
      <p data-testid="greeting">
        {content?.type === 'text' ? content.text : ''}
      </p>
    )
  }
  const view = render(
    <Providers>
      <Greeting who="Ada" />
    </Providers>,
  )
  const greeting = () => screen.getByTestId('greeting').textContent
  await waitFor(() => expect(greeting()).toBe('Hello Ada'))
  view.rerender(
    <Providers>
      <Greeting who="Grace" />
    </Providers>,
  )
  await waitFor(() => expect(greeting()).toBe('Hello Grace'))
})

function Caller() {
  const call = useMCPCallTool('docs')
  const first = call.data?.content[0]
  return (
    <div>
      <button onClick={() => call.mutate({ name: 'slow' })}>run</button>
      <button onClick={call.cancel}>cancel</button>
      <p data-testid="progress">
        {call.progress
          ? `${String(call.progress.progress)}/${String(call.progress.total)}`
          : ''}
      </p>
      <p data-testid="result">
        {call.isError
          ? `failed:${isMCPError(call.error) ? call.error.code : '?'}`
          : first?.type === 'text'
            ? first.text
            : ''}
      </p>
    </div>
  )
}

it('calls a tool as a mutation and reports its progress', async () => {
  render(
    <Providers>
      <Caller />
    </Providers>,
  )
  fireEvent.click(screen.getByText('run'))
  await waitFor(() =>
    expect(screen.getByTestId('progress').textContent).toBe('3/3'),
  )
  await waitFor(() =>
    expect(screen.getByTestId('result').textContent).toBe('done'),
  )
})

it('cancels a tool call: the mutation fails with aborted and the server is told', async () => {
  render(
    <Providers>
      <Caller />
    </Providers>,
  )
  fireEvent.click(screen.getByText('run'))
  await waitFor(() =>
    expect(screen.getByTestId('progress').textContent).toBe('1/3'),
  )
  fireEvent.click(screen.getByText('cancel'))
  await waitFor(() =>
    expect(screen.getByTestId('result').textContent).toBe('failed:aborted'),
  )
  const cancelled = await server.waitForMessage('notifications/cancelled')
  expect(cancelled.message).toMatchObject({
    params: { requestId: expect.anything() },
  })
})

it('reads from a client object the caller holds, under its own keys', async () => {
  const client = new MCPSSEClient({ url: 'http://localhost:4101' })
  function Tools() {
    const tools = useMCPTools(client)
    return <p data-testid="tools">{tools.data?.length ?? 'none'}</p>
  }
  render(
    <Providers>
      <Tools />
    </Providers>,
  )
  await new Promise((resolve) => setTimeout(resolve, 30))
  // The hook does not connect a client it was given: whoever made it does.
  expect(screen.getByTestId('tools').textContent).toBe('none')
  await client.connect()
  await waitFor(() => expect(screen.getByTestId('tools').textContent).toBe('2'))
  expect(mcpQueryKeys(client).all[1]).toMatch(/^client:\d+$/)
  await client.disconnect()
})
