import { MCPError } from '../errors'

/** The steps of a sign-in, as error messages name them. */
export type SignInStep =
  | 'protected resource metadata'
  | 'authorization server metadata'
  | 'client registration'
  | 'authorization'
  | 'token exchange'
  | 'token refresh'

/**
 * An `unauthorized` MCPError whose message starts with the step that failed. Callers never pass
 * token values here: only what the servers said about them (`error`, `error_description`).
 */
export function signInError(
  step: SignInStep,
  detail: string,
  options: { cause?: unknown; status?: number } = {},
): MCPError {
  return new MCPError(
    'unauthorized',
    `Sign-in failed at ${step}: ${detail}`,
    options,
  )
}

/** Server-supplied text, shortened and single-line, for quoting inside a message. */
export function quote(text: unknown, max = 200): string {
  const flat = String(text).replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}
