import type { MockAuthorizationServer } from '../../index.js'

export const REDIRECT_URI = 'http://localhost:5173/callback'

/** Authorizes and redeems by hand, with a real S256 pair; returns the token answer. */
export async function exchange(
  as: MockAuthorizationServer,
  clientId: string,
  scope: string,
  verifierOverride?: string,
): Promise<Record<string, string>> {
  const verifier = 'v'.repeat(43)
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(verifier),
  )
  const challenge = Buffer.from(digest).toString('base64url')
  const url = new URL(`${as.issuer}/authorize`)
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 's',
    scope,
  }).toString()
  const back = new URL(await as.authorize(url))
  const answer = await fetch(`${as.issuer}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: back.searchParams.get('code') ?? '',
      redirect_uri: REDIRECT_URI,
      code_verifier: verifierOverride ?? verifier,
      client_id: clientId,
    }).toString(),
  })
  return {
    status: String(answer.status),
    ...((await answer.json()) as Record<string, string>),
  }
}
