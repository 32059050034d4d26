import { bareUrl, type AuthEvent, type AuthEventKind } from './events'

/** The parts of a `WWW-Authenticate: Bearer …` challenge worth showing (all public). */
export interface BearerChallenge {
  readonly resourceMetadata: string | null
  readonly scope: string | null
  readonly error: string | null
}

/** Reads a Bearer challenge; null for another scheme. Enough for showing, not for deciding. */
export function readBearerChallenge(
  header: string | null,
): BearerChallenge | null {
  if (header === null || !/^\s*bearer\b/i.test(header)) return null
  const params = new Map<string, string>()
  for (const match of header.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g))
    params.set((match[1] ?? '').toLowerCase(), match[2] ?? '')
  return {
    resourceMetadata: params.get('resource_metadata') ?? null,
    scope: params.get('scope') ?? null,
    error: params.get('error') ?? null,
  }
}

const text = (value: unknown, max = 200): string =>
  String(value).replace(/\s+/g, ' ').slice(0, max)

const list = (value: unknown): string =>
  Array.isArray(value) ? value.map((v) => text(v, 100)).join(' ') : ''

/** Reads a JSON body from a copy, leaving the original for the flow. */
async function peek(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await response.clone().json()
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}

function bodyText(init?: RequestInit): string {
  const body = init?.body
  if (typeof body === 'string') return body
  if (body instanceof URLSearchParams) return body.toString()
  // A Request's body is a stream: the flow sends its token requests as strings, so none is read.
  return ''
}

/**
 * A fetch that reports the OAuth flow's requests (metadata, registration, token) and the
 * server's Bearer challenges, below the auth provider: it sees what the provider sends, but it
 * reads no request header and no token answer, so no credential reaches what it records.
 */
export function observeAuthFetch(
  base: typeof fetch | undefined,
  record: (event: AuthEvent) => void,
): typeof fetch {
  // Resolved per call, so a fetch patched later (msw in tests) is the one used.
  const send: typeof fetch = (input, init) =>
    base ? base(input, init) : globalThis.fetch(input, init)
  const registrationEndpoints = new Set<string>()
  const tokenEndpoints = new Set<string>()
  const metadataDocuments = new Set<string>()

  const classify = (
    url: URL,
    method: string,
    body: string,
  ): AuthEventKind | null => {
    const bare = bareUrl(url)
    if (method === 'GET') {
      if (
        url.pathname.startsWith('/.well-known/oauth-protected-resource') ||
        metadataDocuments.has(bare)
      )
        return 'resource-metadata'
      if (
        url.pathname.includes('/.well-known/oauth-authorization-server') ||
        url.pathname.includes('/.well-known/openid-configuration')
      )
        return 'server-metadata'
    }
    if (method === 'POST' && registrationEndpoints.has(bare))
      return 'registration'
    // By its form body too: after a full-page redirect the code is redeemed on a fresh page,
    // before any metadata was read here.
    const grant =
      /(?:^|&)grant_type=(authorization_code|refresh_token)(?:&|$)/.exec(
        body,
      )?.[1]
    if (method === 'POST' && (tokenEndpoints.has(bare) || grant !== undefined))
      return grant === 'refresh_token' ? 'refresh' : 'token'
    return null
  }

  const describe = async (
    kind: AuthEventKind,
    response: Response,
  ): Promise<Array<readonly [string, string]>> => {
    if (!response.ok) {
      // OAuth error answers carry `error` and `error_description`, never a token.
      if (kind === 'token' || kind === 'refresh' || kind === 'registration') {
        const body = await peek(response)
        return typeof body.error === 'string'
          ? [
              [
                'server said',
                `${text(body.error, 60)}${typeof body.error_description === 'string' ? `: ${text(body.error_description)}` : ''}`,
              ],
            ]
          : []
      }
      return []
    }
    if (kind === 'resource-metadata') {
      const body = await peek(response)
      return [
        ['resource', text(body.resource ?? '')],
        ['authorization servers', list(body.authorization_servers)],
        ['scopes offered', list(body.scopes_supported)],
      ]
    }
    if (kind === 'server-metadata') {
      const body = await peek(response)
      for (const [field, into] of [
        ['registration_endpoint', registrationEndpoints],
        ['token_endpoint', tokenEndpoints],
      ] as const)
        if (typeof body[field] === 'string') into.add(bareUrl(body[field]))
      const pkce = Array.isArray(body.code_challenge_methods_supported)
        ? body.code_challenge_methods_supported.includes('S256')
          ? 'S256'
          : `not S256 (${list(body.code_challenge_methods_supported)})`
        : 'not listed'
      return [
        ['issuer', text(body.issuer ?? '')],
        ['PKCE', pkce],
        [
          'registration',
          typeof body.registration_endpoint === 'string'
            ? 'dynamic (RFC 7591)'
            : body.client_id_metadata_document_supported === true
              ? 'client ID metadata documents'
              : 'none offered',
        ],
      ]
    }
    if (kind === 'registration') {
      // Only the client_id: the answer may hold a client_secret.
      const body = await peek(response)
      return [['client id', text(body.client_id ?? '')]]
    }
    return []
  }

  return async (input, init) => {
    const request = input instanceof Request ? input : null
    const url = new URL(request ? request.url : String(input))
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase()
    const kind = classify(url, method, bodyText(init))
    let response: Response
    try {
      response = await send(input, init)
    } catch (error) {
      if (kind !== null)
        record({
          at: Date.now(),
          kind,
          url: bareUrl(url),
          status: null,
          ok: false,
          facts: [
            [
              'no answer',
              `${text(error instanceof Error ? error.message : error)} (unreachable, or its CORS answer does not allow this page)`,
            ],
          ],
        })
      throw error
    }
    if (kind !== null) {
      record({
        at: Date.now(),
        kind,
        url: bareUrl(url),
        status: response.status,
        ok: response.ok,
        facts: await describe(kind, response),
      })
    } else if (response.status === 401 || response.status === 403) {
      const header = response.headers.get('WWW-Authenticate')
      const challenge = readBearerChallenge(header)
      if (challenge?.resourceMetadata)
        metadataDocuments.add(bareUrl(challenge.resourceMetadata))
      record({
        at: Date.now(),
        kind: 'challenge',
        url: bareUrl(url),
        status: response.status,
        ok: challenge !== null,
        facts: [
          [
            'WWW-Authenticate',
            challenge !== null
              ? 'Bearer'
              : header === null
                ? 'not readable (missing, or not in Access-Control-Expose-Headers)'
                : text(header.split(/\s/)[0] ?? ''),
          ],
          ...(challenge?.resourceMetadata
            ? [['resource_metadata', text(challenge.resourceMetadata)] as const]
            : []),
          ...(challenge?.scope
            ? [['scope', text(challenge.scope)] as const]
            : []),
          ...(challenge?.error
            ? [['error', text(challenge.error, 60)] as const]
            : []),
        ],
      })
    }
    return response
  }
}
