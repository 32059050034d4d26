import { oauth, type OAuthProvider } from '@mcp-sse/core/oauth'
import { SignInStorage } from './sign-in-storage'
import type { InspectorBase } from '../inspector/base'

/** A session's OAuth sign-in: the core's provider, and where it keeps its tokens. */
export interface SessionSignIn {
  readonly provider: OAuthProvider
  readonly storage: SignInStorage
}

/**
 * The callback page of this build, beside index.html wherever the site is served (a sub-path
 * included): the page's own directory, not the origin's root.
 */
export function callbackUrl(): string {
  return new URL('oauth/callback.html', document.baseURI).href
}

/**
 * The provider waits for a click (`waitForSignIn`): a popup opened without one is blocked, which
 * would turn every sign-in into a full-page redirect.
 */
export function createSignIn(
  { authActions, sessionAuth }: InspectorBase,
  id: string,
): SessionSignIn {
  const storage = new SignInStorage(sessionAuth(id).remember, () =>
    authActions.setRemember(id, true),
  )
  const provider = oauth({
    redirectUri: callbackUrl(),
    clientName: 'mcp-sse inspector',
    storage,
    waitForSignIn: true,
  })
  return { provider, storage }
}

/** Keeps this session's tokens on this device from now on, or for this tab only. */
export function setRemember(
  { authActions }: InspectorBase,
  id: string,
  signIn: SessionSignIn | null,
  remember: boolean,
): void {
  authActions.setRemember(id, remember)
  signIn?.storage.setRemember(remember)
}
