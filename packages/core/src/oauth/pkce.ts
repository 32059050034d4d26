/** base64url without padding (RFC 4648 §5), as PKCE and `state` use it. */
export function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** 32 random bytes, base64url: a PKCE verifier (43 characters, RFC 7636 §4.1) or a `state`. */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)))
}

export interface Pkce {
  readonly verifier: string
  readonly challenge: string
  readonly method: 'S256'
}

/** A fresh verifier and its S256 challenge, BASE64URL(SHA-256(verifier)), via Web Crypto. */
export async function createPkce(): Promise<Pkce> {
  const verifier = randomToken()
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(verifier),
  )
  return {
    verifier,
    challenge: base64url(new Uint8Array(digest)),
    method: 'S256',
  }
}
