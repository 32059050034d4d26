import { oauth } from '@mcp-sse/core/oauth'
import { useMCPSSE, type UseMCPSSEOptions } from '@mcp-sse/react'
import {
  followAuthorization,
  startAuthorizationServer,
  startProtectedMcpServer,
} from '@mcp-sse/testkit/oauth'
import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, expect, it } from 'vitest'

// oidc-provider (the certified OpenID Connect server) in front of a real MCP server that checks
// its tokens by introspection, both on 127.0.0.1, started and stopped by this file.
const REDIRECT_URI = 'http://127.0.0.1:5999/oauth/callback'
const running: { stop(): Promise<void> }[] = []
afterEach(async () => {
  cleanup()
  await new Promise((resolve) => setTimeout(resolve, 20))
  await Promise.all(running.splice(0).map((r) => r.stop()))
})

function App({ options }: { options: UseMCPSSEOptions }) {
  const mcp = useMCPSSE(options)
  return (
    <div>
      <p data-testid="status">{mcp.status}</p>
      <p data-testid="auth">{mcp.auth?.status}</p>
      <p data-testid="scopes">{mcp.auth?.scopes.join(' ')}</p>
      <p data-testid="tools">{mcp.tools.map((t) => t.name).join()}</p>
      <button onClick={() => void mcp.signIn().catch(() => {})}>Sign in</button>
      <button onClick={() => void mcp.signOut()}>Sign out</button>
    </div>
  )
}
const text = (id: string) => screen.getByTestId(id).textContent

it('signs in to an oidc-provider-protected server, signs out and back in', async () => {
  const as = await startAuthorizationServer({ scopes: ['mcp:read'] })
  running.push(as)
  const mcp = await startProtectedMcpServer({ authorizationServer: as })
  running.push(mcp)
  const auth = oauth({
    redirectUri: REDIRECT_URI,
    authorize: (url, { signal }) =>
      followAuthorization(url, REDIRECT_URI, signal),
  })
  render(
    <StrictMode>
      <App options={{ url: mcp.url, auth, reconnect: false }} />
    </StrictMode>,
  )
  await waitFor(() => expect(text('tools')).toBe('whoami,write'), {
    timeout: 15_000,
  })
  expect(text('status')).toBe('ready')
  expect(text('auth')).toBe('authorized')
  const approvals = as.approvals()
  expect(approvals).toBeGreaterThan(0)

  fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
  await waitFor(() => expect(text('auth')).toBe('idle'))
  expect(text('status')).toBe('closed')

  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
  await waitFor(() => expect(text('status')).toBe('ready'), {
    timeout: 15_000,
  })
  expect(as.approvals()).toBeGreaterThan(approvals)
})
