import {
  oauth,
  type AuthorizeFunction,
  type OAuthOptions,
} from '@mcp-sse/core/oauth'
import { expectRefusal } from '../harness/expect.ts'
import type { ScenarioContext } from '../harness/context.ts'

/** A callback the test authorization server redirects to; nothing listens there, nothing needs to. */
const REDIRECT_URI = 'http://localhost:3000/callback'

/** The Client ID Metadata Document URL the suite expects as `client_id` where CIMD is supported. */
const CLIENT_METADATA_URL =
  'https://conformance-test.local/client-metadata.json'

/**
 * The user's part of the sign-in. The test authorization server approves at once and redirects to
 * the callback with the code: fetching the authorization URL without following the redirect and
 * reading `Location` is what a browser returning to `redirectUri` would see.
 */
const approve: AuthorizeFunction = async (authorizationUrl, { signal }) => {
  const response = await fetch(authorizationUrl, { redirect: 'manual', signal })
  const location = response.headers.get('location')
  if (location === null) {
    throw new Error(
      `the authorization endpoint answered ${response.status} with no Location header`,
    )
  }
  return new URL(location, authorizationUrl).href
}

function signedInClient(
  ctx: ScenarioContext,
  options: Partial<OAuthOptions> = {},
) {
  return ctx.client({
    auth: oauth({
      redirectUri: REDIRECT_URI,
      clientName: '@mcp-sse/conformance',
      authorize: approve,
      ...options,
    }),
  })
}

/** Connect (signing in), list tools, call `test-tool`: each step may need a new or wider token. */
async function useServer(
  ctx: ScenarioContext,
  options: Partial<OAuthOptions> = {},
): Promise<void> {
  const client = signedInClient(ctx, options)
  await client.connect()
  ctx.log(`signed in; auth status ${client.getSnapshot().auth?.status}`)
  await client.listTools()
  await client.callTool('test-tool', {})
  ctx.log(
    `called test-tool; scopes ${client.getSnapshot().auth?.scopes.join(' ') || 'none'}`,
  )
}

/**
 * Discovery, registration (dynamic, or by metadata document where the server supports it), code +
 * PKCE, scopes, step-up, token endpoint authentication, refresh, authorization server migration.
 */
export async function authFlow(ctx: ScenarioContext): Promise<void> {
  await useServer(ctx, { clientMetadataUrl: CLIENT_METADATA_URL })
}

/** `auth/pre-registration`: the suite hands over a client id and secret; no registration. */
export async function authPreRegistered(ctx: ScenarioContext): Promise<void> {
  const { client_id: clientId, client_secret: clientSecret } = ctx.data
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string') {
    throw new Error(
      'MCP_CONFORMANCE_CONTEXT has no client_id and client_secret',
    )
  }
  await useServer(ctx, { clientId, clientSecret })
}

/**
 * The scenarios where signing in must fail: a resource that names another server, an `iss` that
 * is missing though advertised, wrong, unexpected or only equal after normalisation, metadata whose
 * issuer is not the one asked, and endless `insufficient_scope`. Passing means the library
 * rejects with `unauthorized` (the suite checks that no token was redeemed or used).
 */
export async function authRefused(ctx: ScenarioContext): Promise<void> {
  const client = signedInClient(ctx, {
    clientMetadataUrl: CLIENT_METADATA_URL,
  })
  const refusal = await expectRefusal(
    'signing in and calling test-tool',
    async () => {
      await client.connect()
      await client.listTools()
      await client.callTool('test-tool', {})
    },
    (error) => error.code === 'unauthorized',
  )
  ctx.log(`refused as it should be: ${refusal}`)
  const step = client.getSnapshot().auth?.error
  ctx.log(`the sign-in's own account: ${step ? step.message : 'none'}`)
}
