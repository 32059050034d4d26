import type { ClientRecord } from './storage'

/**
 * Adds the client's credentials to a token or revocation request, as its registered method says:
 * HTTP Basic (`client_secret_basic`), the form (`client_secret_post`), or the id alone (`none`).
 */
export function authenticateClient(
  client: ClientRecord,
  headers: Record<string, string>,
  body: URLSearchParams,
): void {
  // RFC 6749 §2.3.1: Basic credentials are the form-encoded id and secret.
  if (
    client.authMethod === 'client_secret_basic' &&
    client.clientSecret !== undefined
  ) {
    const pair = `${formEncode(client.clientId)}:${formEncode(client.clientSecret)}`
    headers.Authorization = `Basic ${base64(pair)}`
    return
  }
  body.set('client_id', client.clientId)
  if (
    client.authMethod === 'client_secret_post' &&
    client.clientSecret !== undefined
  )
    body.set('client_secret', client.clientSecret)
}

function base64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text))
    binary += String.fromCharCode(byte)
  return btoa(binary)
}

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2)
}
