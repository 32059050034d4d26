import { fireEvent, screen, waitFor } from '@testing-library/react'
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_CONFIG,
  isBridged,
  routeThroughLauncher,
} from '@mcp-sse/inspector-ui/app'
import {
  flush,
  logModel,
  renderIn,
  sessionActions,
  useSessions,
} from '../test/app'
import { BridgeOffer } from './BridgeOffer'

/** A port where nothing listens: the browser-side client gets a real network error there. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string')
    throw new Error('no port')
  return address.port
}

afterEach(async () => {
  await sessionActions.reset()
  sessionStorage.clear()
})

const status = () =>
  useSessions
    .getState()
    .sessions.map((s) => [s.id, s.client.getSnapshot().status])

async function failedSession(): Promise<string> {
  const url = `http://127.0.0.1:${await closedPort()}/mcp`
  sessionActions.open({ ...DEFAULT_CONFIG, url, timeout: 5_000 })
  await waitFor(() => expect(status()).toEqual([['s1', 'error']]), {
    timeout: 10_000,
  })
  return url
}

describe('the bridge offer', () => {
  it('is not made on a page the launcher did not open', async () => {
    renderIn(<BridgeOffer />)
    await failedSession()
    expect(screen.queryByTestId('bridge-offer')).toBeNull()
  })

  it('is made after a network failure on a launcher page, and one click reconnects through the bridge', async () => {
    sessionStorage.setItem('mcp-sse-inspector:launcher-token', 'tok')
    renderIn(<BridgeOffer />)
    const url = await failedSession()
    const offer = await screen.findByTestId('bridge-offer')
    expect(offer.textContent).toContain(new URL(url).origin)
    fireEvent.click(
      screen.getByRole('button', { name: 'Connect through the local bridge' }),
    )

    expect(isBridged(url)).toBe(true)
    await waitFor(() =>
      expect(useSessions.getState().sessions.map((s) => s.id)).toEqual(['s2']),
    )
    expect(useSessions.getState().selected).toBe('s2')
    expect((await screen.findByTestId('bridge-note')).textContent).toContain(
      'through the local bridge',
    )
    // The log names the server's own URL, not the bridge's, and never the token.
    await waitFor(() => expect(status()[0]?.[1]).toBe('error'), {
      timeout: 10_000,
    })
    flush()
    const s2 = JSON.stringify(
      logModel.entries().filter((e) => e.session === 's2'),
    )
    expect(s2).toContain(url)
    expect(s2).not.toContain('/bridge?target=')
    expect(s2).not.toContain('tok')
  })

  it('routes only the launcher’s own endpoint and bridged servers, and only with the token', () => {
    const direct = { url: 'http://127.0.0.1:9/mcp' }
    expect(routeThroughLauncher(direct)).toBe(direct)
    sessionStorage.setItem('mcp-sse-inspector:launcher-token', 'tok')
    expect(routeThroughLauncher(direct)).toBe(direct)
    const own = routeThroughLauncher({
      url: `${location.origin}/stdio/mcp`,
      stream: 'eventsource',
    })
    expect(own.stream).toBe('fetch')
    expect(own.fetch).toBeTypeOf('function')
  })
})
