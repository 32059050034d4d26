import { http, HttpResponse, type HttpHandler } from 'msw'
import { corsFor, jsonAnswer, preflightAnswer, readForm } from './answers.js'
import {
  AuthorizationState,
  type AuthorizationRequestRecord,
} from './authorization-state.js'
import { decideAuthorization } from './authorize.js'
import { metadataUrl, serverMetadata } from './metadata.js'
import type { MockAuthorizationServer } from './mock-authorization-server.js'
import type { AuthorizationServerOptions } from './options.js'
import { answerRegistration } from './registration.js'
import { answerRevocation, answerToken } from './token-endpoint.js'

type Endpoint = AuthorizationRequestRecord['endpoint']

/**
 * Creates a simulated OAuth 2.1 authorization server for an MCP server to trust: pass it as
 * `createMCPServer({ auth })`, and the MCP server answers 401 with a Bearer challenge until a
 * token from it comes along. Sign-in UIs can then be tested without a real server.
 *
 * @example
 * ```ts
 * const authServer = createAuthorizationServer({ url: 'http://localhost:3001' })
 * const server = createMCPServer({ transport: 'streamable-http', auth: authServer })
 * const network = setupServer(...server.handlers) // the authorization server's included
 * const client = new MCPSSEClient({
 *   url: server.mcpUrl,
 *   auth: oauth({ redirectUri: 'http://localhost/callback', authorize: authServer.authorize }),
 * })
 * ```
 */
export function createAuthorizationServer(
  options: AuthorizationServerOptions = {},
): MockAuthorizationServer {
  const state = new AuthorizationState(options)
  const log = (
    endpoint: Endpoint,
    request: Request,
    params: Record<string, unknown>,
  ): AuthorizationRequestRecord => {
    const entry: AuthorizationRequestRecord = {
      endpoint,
      method: request.method,
      url: request.url,
      params,
      status: undefined,
    }
    state.requests.push(entry)
    return entry
  }
  const answered = (entry: AuthorizationRequestRecord, response: Response) => {
    entry.status = response.status
    return response
  }
  const post = (
    endpoint: Endpoint,
    answer: (
      request: Request,
      form: URLSearchParams,
    ) => Response | Promise<Response>,
  ) =>
    http.post(state.endpoint(`/${endpoint}`), async ({ request }) => {
      const form = await readForm(request)
      const entry = log(endpoint, request, Object.fromEntries(form))
      return answered(entry, await answer(request, form))
    })

  const handlers: HttpHandler[] = [
    http.get(metadataUrl(state.issuer), ({ request }) =>
      answered(
        log('metadata', request, {}),
        jsonAnswer(request, state.cors, serverMetadata(state)),
      ),
    ),
    http.get(state.endpoint('/authorize'), ({ request }) => {
      const url = new URL(request.url)
      const entry = log(
        'authorize',
        request,
        Object.fromEntries(url.searchParams),
      )
      const outcome = decideAuthorization(state, url)
      return answered(
        entry,
        'redirect' in outcome
          ? new HttpResponse(null, {
              status: 302,
              headers: {
                ...corsFor(request, state.cors),
                Location: outcome.redirect,
              },
            })
          : new HttpResponse(`Sign-in error: ${outcome.error}`, {
              status: 400,
              headers: { 'Content-Type': 'text/plain; charset=utf-8' },
            }),
      )
    }),
    post('token', (request, form) => answerToken(state, request, form)),
    post('revoke', (request, form) => answerRevocation(state, request, form)),
  ]
  if (options.registration !== false)
    handlers.push(
      http.post(state.endpoint('/register'), async ({ request }) => {
        let body: unknown
        try {
          body = await request.json()
        } catch {
          body = undefined
        }
        const entry = log(
          'register',
          request,
          typeof body === 'object' && body !== null ? { ...body } : {},
        )
        return answered(entry, answerRegistration(state, request, body))
      }),
    )
  if (state.cors)
    for (const url of [
      metadataUrl(state.issuer),
      ...['/token', '/revoke', '/register'].map((p) => state.endpoint(p)),
    ])
      handlers.push(
        http.options(url, ({ request }) => preflightAnswer(request, true)),
      )

  return {
    handlers,
    issuer: state.issuer,
    metadataUrl: metadataUrl(state.issuer),
    async authorize(authorizationUrl) {
      const url = new URL(authorizationUrl)
      const entry: AuthorizationRequestRecord = {
        endpoint: 'authorize',
        method: 'GET',
        url: url.href,
        params: Object.fromEntries(url.searchParams),
        status: undefined,
      }
      state.requests.push(entry)
      if (url.href.split('?')[0] !== state.endpoint('/authorize'))
        throw new Error(
          `${url.origin}${url.pathname} is not this authorization server's authorize endpoint (${state.endpoint('/authorize')}).`,
        )
      const outcome = decideAuthorization(state, url)
      entry.status = 'redirect' in outcome ? 302 : 400
      if ('redirect' in outcome) return outcome.redirect
      throw new Error(`The authorization page shows an error: ${outcome.error}`)
    },
    deny(deny = {}) {
      state.denial =
        deny === null
          ? null
          : {
              error: deny.error ?? 'access_denied',
              description: deny.description ?? 'The user denied the request.',
              left: deny.times ?? Infinity,
            }
    },
    expireTokens() {
      const past = Date.now() - 1
      for (const token of state.tokens.values())
        token.expiresAt = Math.min(token.expiresAt, past)
    },
    revokeTokens() {
      for (const token of state.tokens.values()) token.revoked = true
      for (const grant of state.refreshes.values()) grant.revoked = true
    },
    verify: (token, resource) => state.verify(token, resource),
    get clients() {
      return [...state.clients.values()]
    },
    get tokens() {
      return [...state.tokens.values()].map((token) => ({ ...token }))
    },
    get requests() {
      return [...state.requests]
    },
    reset: () => state.reset(),
  }
}
