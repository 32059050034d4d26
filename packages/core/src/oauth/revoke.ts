import { authenticateClient } from './client-auth'
import type { TokenRecord } from './storage'

/** Revocation is a courtesy to the server: signing out never waits longer than this for it. */
export const REVOKE_TIMEOUT = 5_000

/**
 * Asks the authorization server to revoke `record`'s tokens (RFC 7009), the refresh token first
 * (revoking it ends its access tokens too at most servers), then the access token. Best effort:
 * resolves whatever happens, within `REVOKE_TIMEOUT`, and never reports a failure, since the
 * tokens are already forgotten here and a message could only leak them.
 */
export async function revokeTokens(
  fetchImpl: typeof fetch,
  record: TokenRecord,
): Promise<void> {
  if (record.revocationEndpoint === undefined) return
  const endpoint = record.revocationEndpoint
  const signal = AbortSignal.timeout(REVOKE_TIMEOUT)
  const tokens: { token: string; hint: 'refresh_token' | 'access_token' }[] = [
    { token: record.accessToken, hint: 'access_token' },
  ]
  if (record.refreshToken !== undefined)
    tokens.unshift({ token: record.refreshToken, hint: 'refresh_token' })
  for (const { token, hint } of tokens) {
    const headers: Record<string, string> = {
      'Content-Type': 'application/x-www-form-urlencoded',
    }
    const body = new URLSearchParams({ token, token_type_hint: hint })
    authenticateClient(record.client, headers, body)
    try {
      const response = await fetchImpl(endpoint, {
        method: 'POST',
        headers,
        body: body.toString(),
        signal,
      })
      await response.body?.cancel()
    } catch {
      // Unreachable, refused or timed out: the server's own expiry ends the tokens.
      if (signal.aborted) return
    }
  }
}
