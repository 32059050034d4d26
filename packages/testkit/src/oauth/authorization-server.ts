import { generateKeyPairSync, randomBytes } from 'node:crypto'
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type Configuration, type JWK } from 'oidc-provider'
import { memoryAdapter } from './memory-adapter'

export interface AuthorizationServerOptions {
  /** Scopes the resource servers offer (`offline_access` is always there). */
  scopes?: readonly string[]
  /** Access token lifetime in seconds. @defaultValue 3600 */
  accessTokenTtl?: number
  /** The interaction answers access_denied instead of approving. @defaultValue false */
  deny?: boolean
  /**
   * Page origins that may register clients from a browser. oidc-provider sends CORS headers on
   * its discovery, token, introspection and revocation endpoints itself, but not on registration.
   * @defaultValue []
   */
  corsOrigins?: readonly string[]
}

export interface RunningAuthorizationServer {
  /** The issuer, `http://127.0.0.1:PORT` (metadata at /.well-known/openid-configuration). */
  readonly issuer: string
  /** A confidential client for resource servers: introspection with Basic authentication. */
  readonly introspection: {
    readonly endpoint: string
    readonly clientId: string
    readonly clientSecret: string
  }
  /** Approvals the interaction gave (login + consent), for assertions. */
  approvals(): number
  /** Makes an access token invalid at once, as a revocation would. */
  revoke(accessToken: string): Promise<void>
  stop(): Promise<void>
}

/**
 * oidc-provider (the certified OpenID Connect / OAuth 2.1 server) on 127.0.0.1, set up as an MCP
 * authorization server: PKCE required, dynamic registration, refresh tokens, resource indicators
 * (opaque access tokens whose audience is the MCP server), introspection and revocation. Its
 * login and consent interaction approves at once (as user `test-user`), so a client that follows
 * the redirects with cookies, like a browser, comes back with a code.
 */
export async function startAuthorizationServer(
  options: AuthorizationServerOptions = {},
): Promise<RunningAuthorizationServer> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_, res) =>
    void res.writeHead(503).end()
  const http: Server = createServer((req, res) => handle(req, res))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  const introspection = {
    endpoint: `${issuer}/token/introspection`,
    clientId: 'mcp-resource-server',
    clientSecret: randomBytes(24).toString('base64url'),
  }
  const scopes = ['openid', 'offline_access', ...(options.scopes ?? [])]
  const signingKey = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  }).privateKey.export({ format: 'jwk' })
  const configuration: Configuration = {
    adapter: memoryAdapter(),
    jwks: { keys: [{ ...signingKey, alg: 'RS256', use: 'sig' } as JWK] },
    clients: [
      {
        client_id: introspection.clientId,
        client_secret: introspection.clientSecret,
        redirect_uris: [],
        response_types: [],
        grant_types: [],
      },
    ],
    scopes,
    cookies: { keys: [randomBytes(16).toString('hex')] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true },
      introspection: {
        enabled: true,
        // Only the resource server, or the token's own client, may look a token up.
        allowedPolicy: (_ctx, client, token) =>
          client.clientId === introspection.clientId ||
          token.clientId === client.clientId,
      },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, _client, oneOf) => oneOf?.[0],
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => ({
          scope: scopes
            .filter((s) => s !== 'openid' && s !== 'offline_access')
            .join(' '),
          audience: indicator,
          accessTokenTTL: options.accessTokenTtl ?? 3600,
          accessTokenFormat: 'opaque',
        }),
      },
    },
    // A refresh token for every client that registered the grant, offline_access or not.
    issueRefreshToken: (_ctx, client) =>
      client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: options.accessTokenTtl ?? 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 86_400,
      Grant: 86_400,
      Interaction: 600,
      Session: 86_400,
    },
    clientBasedCORS: () => true,
    findAccount: (_ctx, accountId) => ({
      accountId,
      claims: () => ({ sub: accountId }),
    }),
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
  }
  const provider = new Provider(issuer, configuration)
  // Keep its default-keys and development warnings out of test output.
  provider.on('server_error', () => {})
  let approvals = 0
  const callback = provider.callback()
  handle = (req, res) => {
    const from = req.headers.origin
    if (req.url === '/reg' && from && options.corsOrigins?.includes(from)) {
      res.setHeader('Access-Control-Allow-Origin', from)
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept')
      res.setHeader('Access-Control-Allow-Methods', 'POST')
      if (req.method === 'OPTIONS') return void res.writeHead(204).end()
    }
    if (req.url?.startsWith('/interaction/')) {
      interact(provider, req, res, options.deny ?? false).then(
        () => void approvals++,
        (error: unknown) => void res.writeHead(500).end(String(error)),
      )
      return
    }
    void callback(req, res)
  }
  return {
    issuer,
    introspection,
    approvals: () => approvals,
    revoke: async (accessToken) => {
      const token = await provider.AccessToken.find(accessToken)
      await token?.destroy()
    },
    stop: async () => {
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}

/** Approves the login and consent prompts at once (or denies). */
async function interact(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  deny: boolean,
): Promise<void> {
  const details = await provider.interactionDetails(req, res)
  if (deny) {
    await provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'the test user said no',
    })
    return
  }
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: 'test-user' } },
      { mergeWithLastSubmission: false },
    )
    return
  }
  const accountId = details.session?.accountId ?? 'test-user'
  const clientId = String(details.params.client_id)
  const grant = details.grantId
    ? ((await provider.Grant.find(details.grantId)) ??
      new provider.Grant({ accountId, clientId }))
    : new provider.Grant({ accountId, clientId })
  const missing = details.prompt.details as {
    missingOIDCScope?: string[]
    missingOIDCClaims?: string[]
    missingResourceScopes?: Record<string, string[]>
  }
  if (missing.missingOIDCScope)
    grant.addOIDCScope(missing.missingOIDCScope.join(' '))
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims)
  for (const [indicator, wanted] of Object.entries(
    missing.missingResourceScopes ?? {},
  ))
    grant.addResourceScope(indicator, wanted.join(' '))
  const grantId = await grant.save()
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId } },
    { mergeWithLastSubmission: true },
  )
}
