import { isMCPError } from '@mcp-sse/core'
import { oauth, type OAuthProvider } from '@mcp-sse/core/oauth'
import { createAuthorizationServer, createMCPServer } from '@mcp-sse/msw'
import {
  cleanup,
  fireEvent,
  render,
  renderHook,
  screen,
  waitFor,
} from '@testing-library/react'
import { setupServer } from 'msw/node'
import { StrictMode } from 'react'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { MCPSSEProvider, useMCPSSE, type UseMCPSSEOptions } from '../index'

const REDIRECT_URI = 'http://localhost:5173/oauth/callback'
const issuer = createAuthorizationServer({
  url: 'http://localhost:4501',
  scopes: ['mcp:tools', 'offline_access'],
})
const server = createMCPServer({
  url: 'http://localhost:4500',
  tools: [{ name: 'echo', run: () => 'ok' }],
  auth: { authorizationServer: issuer, scopes: ['mcp:tools'] },
})
const network = setupServer(...server.handlers)
beforeAll(() => network.listen({ onUnhandledFrame: 'error' }))
afterEach(async () => {
  cleanup()
  await new Promise((resolve) => setTimeout(resolve, 20))
  server.reset()
  issuer.reset()
})
afterAll(() => network.close())

/** A user at the authorization page, who approves when the test says so. */
function userAtThePage() {
  const waiting: (() => void)[] = []
  let calls = 0
  return {
    authorize: (url: URL) => {
      calls++
      return new Promise<string>((resolve, reject) => {
        waiting.push(() => void issuer.authorize(url).then(resolve, reject))
      })
    },
    approve: () => waiting.splice(0).forEach((go) => go()),
    calls: () => calls,
  }
}

function SignIn(props: { options: UseMCPSSEOptions; id?: string }) {
  const mcp = useMCPSSE(props.options)
  const id = props.id ?? ''
  return (
    <div>
      <p data-testid={`status${id}`}>{mcp.status}</p>
      <p data-testid={`auth${id}`}>{mcp.auth?.status}</p>
      <p data-testid={`url${id}`}>{mcp.auth?.authorizationUrl}</p>
      <p data-testid={`scopes${id}`}>{mcp.auth?.scopes.join(' ')}</p>
      <p data-testid={`expires${id}`}>{mcp.auth?.expiresAt ? 'expires' : ''}</p>
      <p data-testid={`error${id}`}>{mcp.auth?.error?.message}</p>
      <p data-testid={`tools${id}`}>{mcp.tools.map((t) => t.name).join()}</p>
      <button onClick={() => void mcp.signIn().catch(() => {})}>
        Sign in{id}
      </button>
      <button onClick={() => void mcp.signOut()}>Sign out{id}</button>
    </div>
  )
}
const text = (id: string) => screen.getByTestId(id).textContent

const initializes = () =>
  server.received.filter(
    (r) => 'method' in r.message && r.message.method === 'initialize',
  ).length
const count = (endpoint: string) =>
  issuer.requests.filter((r) => r.endpoint === endpoint).length

it('shows the waiting state with its authorization URL, then the granted scopes and expiry', async () => {
  const user = userAtThePage()
  const auth = oauth({ redirectUri: REDIRECT_URI, authorize: user.authorize })
  const options = { url: server.sseUrl, auth, reconnect: false as const }
  render(
    <StrictMode>
      <SignIn options={options} />
    </StrictMode>,
  )
  await waitFor(() => expect(text('status')).toBe('authorizing'))
  expect(text('auth')).toBe('authorizing')
  expect(text('url')).toMatch(/^http:\/\/localhost:4501\/authorize\?/)
  user.approve()
  await waitFor(() => expect(text('tools')).toBe('echo'))
  expect(text('status')).toBe('ready')
  expect(text('auth')).toBe('authorized')
  expect(text('url')).toBe('')
  expect(text('scopes')).toContain('mcp:tools')
  expect(text('expires')).toBe('expires')
  // StrictMode: one session, one registration, one authorization.
  expect(initializes()).toBe(1)
  expect(count('register')).toBe(1)
  expect(user.calls()).toBe(1)
})

it('shares one sign-in between two readers of a provider connection', async () => {
  const user = userAtThePage()
  const auth = oauth({ redirectUri: REDIRECT_URI, authorize: user.authorize })
  const signIn = vi.spyOn(auth, 'signIn')
  const connections = {
    docs: { url: server.sseUrl, auth, reconnect: false as const },
  }
  render(
    <StrictMode>
      <MCPSSEProvider connections={connections}>
        <SignIn options={{ connection: 'docs' }} id="A" />
        <SignIn options={{ connection: 'docs' }} id="B" />
      </MCPSSEProvider>
    </StrictMode>,
  )
  await waitFor(() => expect(text('authA')).toBe('authorizing'))
  expect(text('authB')).toBe('authorizing')
  expect(text('urlB')).toBe(text('urlA'))
  fireEvent.click(screen.getByRole('button', { name: 'Sign inA' }))
  fireEvent.click(screen.getByRole('button', { name: 'Sign inB' }))
  expect(signIn).toHaveBeenCalledTimes(1)
  user.approve()
  await waitFor(() => expect(text('statusA')).toBe('ready'))
  expect(text('statusB')).toBe('ready')
  expect(user.calls()).toBe(1)
  expect(issuer.tokens).toHaveLength(1)
  expect(initializes()).toBe(1)
})

it('shows a refused sign-in, and signIn() from a click tries again and connects', async () => {
  issuer.deny({ times: 1 })
  const auth = oauth({ redirectUri: REDIRECT_URI, authorize: issuer.authorize })
  render(<SignIn options={{ url: server.sseUrl, auth, reconnect: false }} />)
  await waitFor(() => expect(text('status')).toBe('error'))
  expect(text('auth')).toBe('error')
  expect(text('error')).toMatch(
    /^Sign-in failed at authorization: .*access_denied/,
  )
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
  await waitFor(() => expect(text('status')).toBe('ready'))
  expect(text('auth')).toBe('authorized')
  expect(text('error')).toBe('')
})

it('signOut() closes the connection and revokes the tokens; signIn() comes back', async () => {
  const auth: OAuthProvider = oauth({
    redirectUri: REDIRECT_URI,
    authorize: issuer.authorize,
  })
  render(<SignIn options={{ url: server.sseUrl, auth, reconnect: false }} />)
  await waitFor(() => expect(text('status')).toBe('ready'))
  fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
  await waitFor(() => expect(text('auth')).toBe('idle'))
  expect(text('status')).toBe('closed')
  await waitFor(() => expect(count('revoke')).toBe(2))
  expect(issuer.tokens.every((t) => t.revoked)).toBe(true)
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
  await waitFor(() => expect(text('status')).toBe('ready'))
  expect(issuer.tokens.filter((t) => !t.revoked)).toHaveLength(1)
  expect(initializes()).toBe(2)
})

it('signIn() without an auth provider rejects with the fix in its message', async () => {
  const { result } = renderHook(() =>
    useMCPSSE({ url: server.sseUrl, enabled: false }),
  )
  const error = await result.current.signIn().catch((e: unknown) => e)
  expect(isMCPError(error, 'invalid-options')).toBe(true)
  expect((error as Error).message).toContain('auth: oauth({ redirectUri })')
  await expect(result.current.signOut()).rejects.toThrow(/signOut\(\) needs/)
  expect(result.current.auth).toBeNull()
})
