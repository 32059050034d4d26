import { createAuthorizationServer, createMCPServer } from '@mcp-sse/msw'
import { http, HttpResponse } from 'msw'
import { screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { openTab, renderApp, useNetwork } from '../test/mock-servers'

// The simulated protected servers of @mcp-sse/msw: the flow runs for real (metadata,
// registration, the authorization URL) up to the page a user would see, where it waits.
// Loopback URLs: the core refuses authorization servers on plain HTTP anywhere else.
const issuer = createAuthorizationServer({ url: 'http://localhost:4710' })
const protectedServer = createMCPServer({
  transport: 'streamable-http',
  url: 'http://localhost:4711',
  auth: issuer,
})
const closedIssuer = createAuthorizationServer({
  url: 'http://localhost:4712',
  registration: false,
})
const unregistrable = createMCPServer({
  transport: 'streamable-http',
  url: 'http://localhost:4713',
  auth: closedIssuer,
})
// A server whose metadata is hostile markup.
const HOSTILE = '<img src=x onerror="window.pwned=1"><b>bold</b>'
const hostile = [
  http.post(
    'http://localhost:4714/mcp',
    () =>
      new HttpResponse(null, {
        status: 401,
        headers: {
          'WWW-Authenticate': `Bearer resource_metadata="http://localhost:4714/prm", scope="${'<script>x</script>'}"`,
        },
      }),
  ),
  http.get('http://localhost:4714/prm', () =>
    HttpResponse.json({
      resource: HOSTILE,
      authorization_servers: [HOSTILE],
    }),
  ),
]
useNetwork({ servers: [protectedServer, unregistrable], handlers: hostile })

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
  issuer.reset()
  closedIssuer.reset()
})

const step = (id: string) => screen.getByTestId(`auth-step-${id}`)

describe('signing in from the inspector', () => {
  it('offers a sign-in when a session without OAuth gets a 401 with a Bearer challenge', async () => {
    renderApp(protectedServer.mcpUrl)
    const banner = await screen.findByTestId('sign-in-banner')
    expect(banner.dataset.offer).toBe('offered')
    within(banner).getByRole('button', { name: 'Sign in' })
    openTab('Auth')
    expect(screen.getByTestId('auth-challenge').textContent).toContain(
      'resource_metadata http://localhost:4711/.well-known/oauth-protected-resource/mcp',
    )
  })

  it('with auth=oauth, finds the metadata, registers, and waits at the authorization URL for a click', async () => {
    renderApp(protectedServer.mcpUrl, true, { auth: 'oauth' })
    const banner = await screen.findByTestId('sign-in-banner')
    await waitFor(() => expect(banner.dataset.offer).toBe('waiting'))
    expect(banner.textContent).toContain('sign in at http://localhost:4710')
    expect(screen.getByTestId('session-s1').dataset.status).toBe('authorizing')
    openTab('Auth')
    expect(step('resource-metadata').dataset.state).toBe('done')
    expect(step('resource-metadata').textContent).toContain(
      'http://localhost:4710',
    )
    expect(step('server-metadata').dataset.state).toBe('done')
    expect(step('server-metadata').textContent).toContain('S256')
    expect(step('registration').dataset.state).toBe('done')
    const clientId = issuer.clients.at(-1)?.clientId ?? 'none'
    expect(step('registration').textContent).toContain(clientId)
    expect(step('authorization').dataset.state).toBe('waiting')
    expect(step('authorization').textContent).toContain(
      'http://localhost:4710/authorize',
    )
    expect(step('token').dataset.state).toBe('pending')
    // The registration is kept for this tab, not on the device.
    expect(Object.keys(sessionStorage).join()).toContain('mcp-sse:oauth:')
    expect(Object.keys(localStorage).join()).not.toContain('mcp-sse:oauth:')
  })

  it('names the failing step in plain words when the authorization server registers no clients', async () => {
    renderApp(unregistrable.mcpUrl, true, { auth: 'oauth' })
    const banner = await screen.findByTestId('sign-in-banner')
    await waitFor(() => expect(banner.dataset.offer).toBe('retry'))
    openTab('Auth')
    expect(step('server-metadata').dataset.state).toBe('done')
    expect(step('registration').dataset.state).toBe('failed')
    expect(step('authorization').dataset.state).toBe('pending')
    const failure = within(step('registration')).getByTestId('auth-failure')
    expect(failure.textContent).toContain(
      'did not accept the inspector as a client',
    )
    expect(failure.textContent).toContain('The client said:')
  })

  it('shows what servers said as text, never as markup', async () => {
    renderApp('http://localhost:4714/mcp', true, { auth: 'oauth' })
    const banner = await screen.findByTestId('sign-in-banner')
    await waitFor(() => expect(banner.dataset.offer).toBe('retry'))
    openTab('Auth')
    const panel = screen.getByRole('region', { name: 'Sign-in steps' })
    expect(panel.textContent).toContain(HOSTILE)
    expect(panel.textContent).toContain('<script>x</script>')
    expect(panel.querySelector('img, b, script')).toBeNull()
    expect((window as { pwned?: number }).pwned).toBeUndefined()
  })
})
