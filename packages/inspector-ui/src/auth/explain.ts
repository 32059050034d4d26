import type { StepId } from './steps'

/** The core's sign-in errors start "Sign-in failed at <step>:"; these are its step names. */
const CORE_STEPS: ReadonlyArray<readonly [string, StepId]> = [
  ['protected resource metadata', 'resource-metadata'],
  ['authorization server metadata', 'server-metadata'],
  ['client registration', 'registration'],
  ['token exchange', 'token'],
  ['token refresh', 'expiry'],
  ['authorization', 'authorization'],
]

/** The step a sign-in error names, and the core's detail after it. */
export function failedStep(
  message: string,
): { step: StepId; detail: string } | null {
  const match = /Sign-in failed at ([a-z ]+?): ([\s\S]*)$/.exec(message)
  if (!match) return null
  const named = CORE_STEPS.find(([name]) => name === match[1])
  return named ? { step: named[1], detail: match[2] ?? '' } : null
}

/** What a failure at each step usually means, in plain words, and what to try. */
export const STEP_HELP: Record<StepId, string> = {
  'resource-metadata':
    'The server refused the request but did not say, in a way the inspector could read, where to sign in: no OAuth Protected Resource Metadata (RFC 9728) at the URL its WWW-Authenticate header names or at the well-known paths. It may not use OAuth at all; then give it a Bearer token or an API key in the connect form. If it does, it must serve that document with CORS for this page.',
  'server-metadata':
    "The authorization server's metadata (RFC 8414 or OpenID Connect discovery) could not be read or failed a check: it must be reachable with CORS, name itself as the same issuer, use HTTPS (except on localhost) and support PKCE with S256.",
  registration:
    'The authorization server did not accept the inspector as a client. It needs Dynamic Client Registration (RFC 7591) reachable with CORS from this page, or Client ID Metadata Documents; otherwise register a client there by hand.',
  authorization:
    "The sign-in did not come back approved: you, or the authorization server's policy, declined it, the sign-in window was closed, or its answer failed a check (state, issuer). Nothing was sent to the token endpoint.",
  token:
    "The authorization server would not exchange the code for a token. The code may have expired or been used already, or the client's credentials or redirect URI do not match its registration. Sign in again.",
  scopes:
    'The server still refused the token: it may need a scope the authorization server did not grant to this account.',
  expiry:
    'The token expired and could not be refreshed: the refresh token was refused or never issued. Sign in again.',
}
