import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAuthorizationServer } from '../../index.js'
import { exchange, REDIRECT_URI } from './exchange.js'

const issuer = createAuthorizationServer({ url: 'http://localhost:4101' })
const network = setupServer(...issuer.handlers)
beforeAll(() => network.listen({ onUnhandledFrame: 'error' }))
afterEach(() => issuer.reset())
afterAll(() => network.close())

describe('the authorization server on its own', () => {
  async function register(): Promise<string> {
    const answer = await fetch('http://localhost:4101/register', {
      method: 'POST',
      body: JSON.stringify({
        redirect_uris: [REDIRECT_URI],
        token_endpoint_auth_method: 'none',
      }),
    })
    return ((await answer.json()) as { client_id: string }).client_id
  }

  it('checks PKCE: a wrong code_verifier gets invalid_grant, the right one a token once', async () => {
    const clientId = await register()
    const wrong = await exchange(issuer, clientId, '', 'w'.repeat(43))
    expect(wrong).toMatchObject({ status: '400', error: 'invalid_grant' })
    expect(wrong.error_description).toContain('PKCE')
    const right = await exchange(issuer, clientId, '')
    expect(right).toMatchObject({ status: '200', token_type: 'Bearer' })
    expect(right.refresh_token).toBeTruthy()
  })

  it('redirects back with code, state and iss through its authorize endpoint', async () => {
    const clientId = await register()
    const url = new URL('http://localhost:4101/authorize')
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
      state: 'abc',
    }).toString()
    const answer = await fetch(url, { redirect: 'manual' })
    expect(answer.status).toBe(302)
    const back = new URL(answer.headers.get('location') ?? '')
    expect(back.origin + back.pathname).toBe(REDIRECT_URI)
    expect(back.searchParams.get('state')).toBe('abc')
    expect(back.searchParams.get('iss')).toBe('http://localhost:4101')
    expect(back.searchParams.get('code')).toMatch(/^code_/)
  })

  it('shows an error page, not a redirect, for an unregistered redirect_uri', async () => {
    const clientId = await register()
    const url = new URL('http://localhost:4101/authorize')
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: 'https://evil.example.com/cb',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
    }).toString()
    await expect(issuer.authorize(url)).rejects.toThrow(/not registered/)
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(400)
  })

  it('refuses a registration without redirect_uris', async () => {
    const answer = await fetch('http://localhost:4101/register', {
      method: 'POST',
      body: JSON.stringify({ client_name: 'x' }),
    })
    expect(answer.status).toBe(400)
    expect(await answer.json()).toMatchObject({ error: 'invalid_redirect_uri' })
  })
})

describe('refresh tokens and client secrets', () => {
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })

  it('rotates refresh tokens: the old one is refused after use', async () => {
    const answer = await fetch('http://localhost:4101/register', {
      method: 'POST',
      body: JSON.stringify({
        redirect_uris: [REDIRECT_URI],
        token_endpoint_auth_method: 'none',
      }),
    })
    const { client_id } = (await answer.json()) as { client_id: string }
    const first = await exchange(issuer, client_id, '')
    const refresh = (token: string) =>
      fetch(
        'http://localhost:4101/token',
        form({ grant_type: 'refresh_token', refresh_token: token, client_id }),
      )
    const second = await refresh(first.refresh_token ?? '')
    expect(second.status).toBe(200)
    const again = await refresh(first.refresh_token ?? '')
    expect(again.status).toBe(400)
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' })
  })

  it('gives a confidential client a secret and checks it with HTTP Basic', async () => {
    const answer = await fetch('http://localhost:4101/register', {
      method: 'POST',
      body: JSON.stringify({ redirect_uris: [REDIRECT_URI] }),
    })
    const client = (await answer.json()) as Record<string, string>
    expect(client.token_endpoint_auth_method).toBe('client_secret_basic')
    expect(client.client_secret).toBeTruthy()
    const basic = (secret: string) =>
      `Basic ${btoa(`${client.client_id}:${secret}`)}`
    const revoke = (secret: string) =>
      fetch('http://localhost:4101/revoke', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: basic(secret),
        },
        body: 'token=unknown',
      })
    expect((await revoke('wrong')).status).toBe(401)
    // RFC 7009 §2.2: an unknown token is no error.
    expect((await revoke(client.client_secret ?? '')).status).toBe(200)
  })
})
