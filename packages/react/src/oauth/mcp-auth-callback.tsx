import { isMCPError, MCPError } from '@mcp-sse/core'
import {
  completeAuthorization,
  type CompleteAuthorizationOptions,
  type CompleteAuthorizationResult,
} from '@mcp-sse/core/oauth'
import { useEffect, useRef, useState, type ReactNode } from 'react'

/** What the callback page got to: `working` until its effect has run. */
export type MCPAuthCallbackOutcome =
  | { readonly status: 'working' }
  | CompleteAuthorizationResult
  | { readonly status: 'error'; readonly error: MCPError }

export interface MCPAuthCallbackProps extends CompleteAuthorizationOptions {
  /**
   * Renders the outcome instead of the default sentence.
   * @defaultValue a `<p role="status">` with plain text
   * @example
   * {(outcome) => outcome.status === 'sent' ? <Done /> : <Spinner />}
   */
  children?: (outcome: MCPAuthCallbackOutcome) => ReactNode
}

const TEXT: Record<MCPAuthCallbackOutcome['status'], string> = {
  working: 'Signing in…',
  sent: 'Signed in. You can close this window.',
  redirect: 'Signed in. Returning to the app…',
  none: 'This page holds no sign-in answer. Start signing in from the app.',
  error: 'Sign-in failed.',
}

/**
 * The page at your `redirectUri`: hands the authorization server's answer to the app that is
 * signing in (`completeAuthorization()` from `@mcp-sse/core/oauth`), once, also under
 * StrictMode, and says so in plain text.
 *
 * @example
 * ```tsx
 * // the route at redirectUri, e.g. /oauth/callback
 * <Route path="/oauth/callback" element={<MCPAuthCallback />} />
 * ```
 */
export function MCPAuthCallback({
  children,
  returnToApp,
}: MCPAuthCallbackProps) {
  const [outcome, setOutcome] = useState<MCPAuthCallbackOutcome>({
    status: 'working',
  })
  // StrictMode runs effects twice; the answer must be handed over (and the URL cleaned) once.
  const done = useRef<MCPAuthCallbackOutcome | null>(null)
  useEffect(() => {
    done.current ??= complete(returnToApp)
    setOutcome(done.current)
  }, [returnToApp])
  if (children) return <>{children(outcome)}</>
  return (
    <p role="status">
      {outcome.status === 'error'
        ? `${TEXT.error} ${outcome.error.message}`
        : TEXT[outcome.status]}
    </p>
  )
}

function complete(returnToApp: boolean | undefined): MCPAuthCallbackOutcome {
  try {
    return completeAuthorization(
      returnToApp === undefined ? {} : { returnToApp },
    )
  } catch (error) {
    return {
      status: 'error',
      error: isMCPError(error)
        ? error
        : new MCPError('unauthorized', String(error), { cause: error }),
    }
  }
}
