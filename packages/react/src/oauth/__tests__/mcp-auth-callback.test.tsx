import { cleanup, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { MCPAuthCallback } from '../index'

// The popup closing itself is the browser's part: jsdom would tear the test window down.
let close: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  close = vi.spyOn(window, 'close').mockImplementation(() => {})
})
afterEach(() => {
  cleanup()
  close.mockRestore()
  window.history.replaceState(null, '', '/')
})

const channels: BroadcastChannel[] = []
afterEach(() => channels.splice(0).forEach((channel) => channel.close()))

/** What a waiting app would receive from the callback page. */
function listen(): unknown[] {
  const received: unknown[] = []
  const channel = new BroadcastChannel('mcp-sse:oauth')
  channel.onmessage = (event: MessageEvent) => received.push(event.data)
  channels.push(channel)
  return received
}

it('hands the answer over once under StrictMode, clears the address bar and says so in plain text', async () => {
  const received = listen()
  window.history.replaceState(
    null,
    '',
    '/oauth/callback?code=the-code&state=the-state&iss=http%3A%2F%2Flocalhost%3A4501',
  )
  render(
    <StrictMode>
      <MCPAuthCallback />
    </StrictMode>,
  )
  expect((await screen.findByRole('status')).textContent).toBe(
    'Signed in. You can close this window.',
  )
  expect(window.location.search).toBe('')
  expect(window.location.pathname).toBe('/oauth/callback')
  await vi.waitFor(() => expect(received).toHaveLength(1))
  expect(received[0]).toMatchObject({ state: 'the-state' })
  await new Promise((resolve) => setTimeout(resolve, 150))
  expect(received).toHaveLength(1)
  expect(close).toHaveBeenCalledTimes(1)
})

it('says when the page holds no answer', async () => {
  window.history.replaceState(null, '', '/oauth/callback')
  render(<MCPAuthCallback />)
  expect((await screen.findByRole('status')).textContent).toBe(
    'This page holds no sign-in answer. Start signing in from the app.',
  )
})

it('renders what children make of the outcome, as text', async () => {
  window.history.replaceState(
    null,
    '',
    '/cb?code=c&state=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  )
  render(
    <MCPAuthCallback>
      {(outcome) => <span data-testid="outcome">{outcome.status}</span>}
    </MCPAuthCallback>,
  )
  await vi.waitFor(() =>
    expect(screen.getByTestId('outcome').textContent).toBe('sent'),
  )
  expect(document.querySelector('img')).toBeNull()
  // The page closes itself a moment after handing the answer over.
  await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1))
})
