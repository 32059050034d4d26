import type {
  AuthorizationState,
  RegisteredClient,
} from './authorization-state.js'

/**
 * The client a token or revocation request comes from, checked as it registered to
 * authenticate (RFC 6749 §2.3); null when it is unknown or its credentials are wrong.
 */
export function authenticate(
  state: AuthorizationState,
  request: Request,
  form: URLSearchParams,
): RegisteredClient | null {
  const basic = /^Basic\s+(.+)$/i.exec(
    request.headers.get('authorization') ?? '',
  )
  let clientId = form.get('client_id')
  let secret = form.get('client_secret')
  let method: string = secret === null ? 'none' : 'client_secret_post'
  if (basic?.[1] !== undefined) {
    const pair = safeDecode(basic[1])
    const colon = pair?.indexOf(':') ?? -1
    if (pair === null || colon < 0) return null
    clientId = formDecode(pair.slice(0, colon))
    secret = formDecode(pair.slice(colon + 1))
    method = 'client_secret_basic'
  }
  const client = clientId === null ? undefined : state.clients.get(clientId)
  if (!client || client.tokenEndpointAuthMethod !== method) return null
  if (method !== 'none' && client.clientSecret !== secret) return null
  return client
}

function safeDecode(base64: string): string | null {
  try {
    return new TextDecoder().decode(
      Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)),
    )
  } catch {
    return null
  }
}

function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '))
}
