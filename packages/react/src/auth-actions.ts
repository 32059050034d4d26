import { MCPError, type AuthProvider, type MCPSSEClient } from '@mcp-sse/core'

export interface AuthActions {
  signIn: () => Promise<void>
  signOut: () => Promise<void>
}

/**
 * The sign-in running per provider: every component of one connection joins it instead of
 * calling `signIn()` again, which would open (and close) a second popup.
 */
const running = new WeakMap<AuthProvider, Promise<void>>()

/** `signIn()` and `signOut()` for `client`, whose auth provider `find` looks up. */
export function authActions(
  client: MCPSSEClient,
  find: () => AuthProvider | undefined,
): AuthActions {
  return {
    signIn: () => {
      const provider = find()
      if (!provider?.signIn) return Promise.reject(noProvider('signIn'))
      const joined = running.get(provider)
      if (joined) return joined
      // Called now, synchronously inside the click, so the browser lets its popup open.
      const run = provider
        .signIn()
        .then(async () => {
          // Signed in after a failed or ended connection: nothing else will open it again.
          const { status } = client.getSnapshot()
          if (status === 'error' || status === 'closed') await client.connect()
        })
        .finally(() => running.delete(provider))
      running.set(provider, run)
      return run
    },
    signOut: async () => {
      const provider = find()
      if (!provider?.signOut) throw noProvider('signOut')
      // The session ends first, while its token is still good; then the token is dropped.
      await client.disconnect()
      await provider.signOut()
    },
  }
}

function noProvider(action: string): MCPError {
  return new MCPError(
    'invalid-options',
    `${action}() needs a connection with an auth provider that signs in: useMCPSSE({ url, auth: oauth({ redirectUri }) }) (oauth() comes from @mcp-sse/core/oauth), or auth in the <MCPSSEProvider connections> entry.`,
  )
}
