import { createMCPServer } from '@mcp-sse/msw'
import { useMCPSSE } from '@mcp-sse/react'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { useState } from 'react'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'

// The component under test: it lists the server's tools and calls one.
function Weather() {
  const mcp = useMCPSSE('http://localhost:3001')
  const [answer, setAnswer] = useState('')
  async function ask() {
    const result = await mcp.callTool('forecast', { city: 'Paris' })
    const first = result.content[0]
    setAnswer(first?.type === 'text' ? first.text : '')
  }
  return (
    <div>
      <p>Status: {mcp.status}</p>
      <ul>
        {mcp.tools.map((tool) => (
          <li key={tool.name}>{tool.name}</li>
        ))}
      </ul>
      <button onClick={() => void ask()} disabled={!mcp.connected}>
        Ask
      </button>
      <output>{answer}</output>
    </div>
  )
}

// A simulated MCP server with two tools, served through msw.
const mcp = createMCPServer({
  url: 'http://localhost:3001',
  tools: [
    {
      name: 'forecast',
      inputSchema: {
        type: 'object',
        properties: { city: { type: 'string' } },
        required: ['city'],
      },
      run: ({ city }) => `Sunny in ${String(city)}`,
    },
    { name: 'alerts', run: () => 'No alerts' },
  ],
})
const server = setupServer(...mcp.handlers)

beforeAll(() => server.listen())
afterEach(() => {
  cleanup()
  mcp.reset()
})
afterAll(() => server.close())

it('calls a tool when the button is clicked', async () => {
  render(<Weather />)
  expect(await screen.findByText('forecast')).toBeTruthy()
  expect(screen.getByText('alerts')).toBeTruthy()

  fireEvent.click(screen.getByRole('button', { name: 'Ask' }))

  expect(await screen.findByText('Sunny in Paris')).toBeTruthy()
  const call = await mcp.waitForMessage('tools/call')
  expect(call.message).toMatchObject({
    params: { name: 'forecast', arguments: { city: 'Paris' } },
  })
})

it('shows that it is reconnecting when the server goes away', async () => {
  render(<Weather />)
  expect(await screen.findByText('Status: ready')).toBeTruthy()

  mcp.fail({ stream: 503 }) // the server stays down...
  mcp.dropStreams() // ...after dropping every open stream

  expect(await screen.findByText('Status: reconnecting')).toBeTruthy()
  expect(screen.getByRole('button', { name: 'Ask' })).toHaveProperty(
    'disabled',
    true,
  )
})
