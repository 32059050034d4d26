import { createMCPServer } from '@mcp-sse/msw'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { App } from './App'

// The app's own component test, driven by the msw kit as a user of the published package would.
const mcp = createMCPServer({
  transport: 'streamable-http',
  url: 'http://localhost:3001',
  tools: [
    {
      name: 'echo',
      inputSchema: {
        type: 'object',
        properties: { message: { type: 'string' } },
        required: ['message'],
      },
      run: ({ message }) => `Echo: ${String(message)}`,
    },
    { name: 'add', run: () => '3' },
  ],
})
const network = setupServer(...mcp.handlers)

beforeAll(() => network.listen({ onUnhandledFrame: 'error' }))
afterEach(() => {
  cleanup()
  mcp.reset()
})
afterAll(() => network.close())

it('lists the tools and calls echo through the Query hook', async () => {
  render(<App url="http://localhost:3001/mcp" />)
  expect(await screen.findByText('echo')).toBeTruthy()
  expect(screen.getByText('add')).toBeTruthy()

  const button = screen.getByRole('button', { name: 'Call echo' })
  await expect.poll(() => (button as HTMLButtonElement).disabled).toBe(false)
  fireEvent.click(button)

  expect(
    await screen.findByText('Echo: hello from the consumer app'),
  ).toBeTruthy()
  const call = await mcp.waitForMessage('tools/call')
  expect(call.message).toMatchObject({
    params: {
      name: 'echo',
      arguments: { message: 'hello from the consumer app' },
    },
  })
})
