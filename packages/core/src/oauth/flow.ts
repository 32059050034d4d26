import {
  authorizationUrl,
  readCallback,
  type PendingAuthorization,
} from './authorize'
import type { BearerChallenge } from './challenge'
import { discover, type AuthorizationTarget } from './discovery'
import { createPkce, randomToken } from './pkce'
import {
  issuerKey,
  obtainClient,
  type RegistrationSettings,
} from './registration'
import { scopeList, selectScope } from './scope'
import type { ClientRecord, CredentialStore, TokenRecord } from './storage'
import { exchangeCode } from './token'

export interface FlowSettings extends RegistrationSettings {
  readonly scope?: string
  readonly allowedEndpointOrigins: readonly string[]
}

/** What the flow needs from its provider: I/O and the way to show the authorization page. */
export interface FlowContext {
  readonly fetchImpl: typeof fetch
  readonly store: CredentialStore
  readonly settings: FlowSettings
  readonly signal: AbortSignal
  /** Sees where discovery led before anything is sent there; throws to stop. */
  onTarget?(target: AuthorizationTarget): void
  /** Shows the page and resolves with the callback URL. */
  interact(
    url: URL,
    request: {
      pending: PendingAuthorization
      client: ClientRecord
      target: AuthorizationTarget
    },
  ): Promise<string | URL>
}

export interface FlowInput {
  /** The request the server refused (its URL names the resource). */
  readonly requestUrl: URL
  readonly challenge: BearerChallenge | null
  /** The scopes asked for last time, kept on a step-up. */
  readonly previousScope?: string
}

/**
 * One sign-in: discovery, the client, the authorization request with PKCE, state and resource,
 * the checked answer, and the code exchange.
 */
export async function runSignIn(
  ctx: FlowContext,
  input: FlowInput,
): Promise<TokenRecord> {
  const target = await discover(
    ctx.fetchImpl,
    input.requestUrl,
    input.challenge?.resourceMetadata,
    ctx.signal,
    ctx.settings.allowedEndpointOrigins,
    input.challenge !== null,
  )
  ctx.onTarget?.(target)
  const client = await obtainClient(
    ctx.fetchImpl,
    target,
    ctx.settings,
    ctx.store,
    ctx.signal,
  )
  const scope = selectScope({
    ...(ctx.settings.scope !== undefined && { option: ctx.settings.scope }),
    ...(input.challenge?.scope !== undefined && {
      challenge: input.challenge.scope,
    }),
    resourceScopes: target.resourceMetadata?.scopesSupported ?? null,
    ...(input.previousScope !== undefined && {
      previous: input.previousScope,
    }),
    serverScopes: target.server.scopesSupported,
  })
  const pkce = await createPkce()
  const pending: PendingAuthorization = {
    state: randomToken(),
    verifier: pkce.verifier,
    issuer: target.server.issuer,
    issParameterSupported: target.server.issParameterSupported,
    redirectUri: ctx.settings.redirectUri,
    resource: target.resource,
    scope,
  }
  const url = authorizationUrl(
    target.server.authorizationEndpoint,
    client,
    pkce,
    pending,
  )
  const callback = await ctx.interact(url, { pending, client, target })
  return redeem(ctx.fetchImpl, ctx.signal, callback, {
    pending,
    client,
    tokenEndpoint: target.server.tokenEndpoint.href,
    ...(target.server.revocationEndpoint && {
      revocationEndpoint: target.server.revocationEndpoint.href,
    }),
    authorizationServer: target.authorizationServer,
    issuer: issuerKey(target),
  })
}

/** Checks the answer and redeems its code: also how a full-page redirect finishes. */
export async function redeem(
  fetchImpl: typeof fetch,
  signal: AbortSignal,
  callback: string | URL,
  request: {
    pending: PendingAuthorization
    client: ClientRecord
    tokenEndpoint: string
    revocationEndpoint?: string
    authorizationServer: string
    issuer: string
  },
): Promise<TokenRecord> {
  const { pending, client } = request
  const code = readCallback(callback, pending)
  const issued = await exchangeCode(
    fetchImpl,
    new URL(request.tokenEndpoint),
    client,
    {
      code,
      verifier: pending.verifier,
      redirectUri: pending.redirectUri,
      resource: pending.resource,
    },
    signal,
  )
  return {
    issuer: request.issuer,
    authorizationServer: request.authorizationServer,
    resource: pending.resource,
    tokenEndpoint: request.tokenEndpoint,
    ...(request.revocationEndpoint !== undefined && {
      revocationEndpoint: request.revocationEndpoint,
    }),
    client,
    accessToken: issued.accessToken,
    ...(issued.refreshToken !== undefined && {
      refreshToken: issued.refreshToken,
    }),
    expiresAt: issued.expiresAt,
    issuedAt: Date.now(),
    scopes: issued.scopes ?? scopeList(pending.scope),
    requested: pending.scope ?? '',
  }
}
