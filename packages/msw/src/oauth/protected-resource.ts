import { http, HttpResponse, type HttpHandler } from 'msw'
import { jsonAnswer, preflightAnswer } from './answers.js'
import type { MockAuthorizationServer } from './mock-authorization-server.js'
import type { ProtectedResourceOptions } from './options.js'

/** An MCP server's OAuth side: its resource metadata and the bearer check on each request. */
export interface ProtectedResource {
  /** The resource identifier tokens must be for (RFC 8707): the MCP endpoint's URL. */
  readonly resource: string
  /** Where its Protected Resource Metadata (RFC 9728) is. */
  readonly metadataUrl: string
  /** The metadata handler and the authorization server's own handlers. */
  readonly handlers: HttpHandler[]
  /** The 401 or 403 a request without a good token gets, or undefined to let it through. */
  refuse(request: Request, cors: Record<string, string>): Response | undefined
}

/** Reads the `auth` option: an authorization server, or one with the scopes to require. */
export function protectedResource(
  option: MockAuthorizationServer | ProtectedResourceOptions,
  resourceUrl: string,
): ProtectedResource {
  const { authorizationServer, scopes = [] } =
    'authorizationServer' in option
      ? option
      : { authorizationServer: option, scopes: [] }
  const resource = resourceUrl.replace(/\/+$/, '')
  const url = new URL(resource)
  const path = url.pathname === '/' ? '' : url.pathname
  // RFC 9728 §3.1: the well-known path goes between the origin and the resource's path.
  const metadataUrl = `${url.origin}/.well-known/oauth-protected-resource${path}`
  const challenge = (extra: string[]) =>
    `Bearer ${[
      ...extra,
      `resource_metadata="${metadataUrl}"`,
      ...(scopes.length > 0 ? [`scope="${scopes.join(' ')}"`] : []),
    ].join(', ')}`
  const refusal = (
    status: 401 | 403,
    cors: Record<string, string>,
    extra: string[],
  ) =>
    new HttpResponse(status === 401 ? 'Unauthorized' : 'Forbidden', {
      status,
      headers: { ...cors, 'WWW-Authenticate': challenge(extra) },
    })

  return {
    resource,
    metadataUrl,
    handlers: [
      http.get(metadataUrl, ({ request }) =>
        jsonAnswer(request, true, {
          resource,
          authorization_servers: [authorizationServer.issuer],
          bearer_methods_supported: ['header'],
          ...(scopes.length > 0 && { scopes_supported: scopes }),
        }),
      ),
      http.options(metadataUrl, ({ request }) =>
        preflightAnswer(request, true),
      ),
      ...authorizationServer.handlers,
    ],
    refuse(request, cors) {
      const header = request.headers.get('authorization') ?? ''
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
      if (token === undefined) return refusal(401, cors, [])
      const verdict = authorizationServer.verify(token, resource)
      if (!verdict.ok)
        return refusal(401, cors, [
          'error="invalid_token"',
          `error_description="The access token is ${verdict.reason === 'audience' ? 'for another resource' : verdict.reason}"`,
        ])
      if (scopes.some((scope) => !verdict.scopes.includes(scope)))
        return refusal(403, cors, ['error="insufficient_scope"'])
      return undefined
    },
  }
}
