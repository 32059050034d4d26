import { describe, expect, it } from 'vitest'
import { isMCPError } from '../../errors'
import { oauth, type OAuthOptions } from '../index'

const misuse = (options: unknown) => {
  try {
    oauth(options as OAuthOptions)
  } catch (error) {
    expect(isMCPError(error, 'invalid-options')).toBe(true)
    return (error as Error).message
  }
  throw new Error('oauth() accepted the options')
}

describe('oauth() options', () => {
  it.each([
    [{}, /redirectUri must be an absolute URL/],
    [
      { redirectUri: 'http://app.example.com/cb' },
      /must use HTTPS \(plain HTTP only on localhost\)/,
    ],
    [{ redirectUri: 'javascript:alert(1)' }, /must use HTTPS/],
    [{ redirectUri: 'https://a.example/cb#x' }, /fragment/],
    [
      {
        redirectUri: 'https://a.example/cb',
        clientMetadataUrl: 'http://a.example/c.json',
      },
      /https: URL with a path/,
    ],
    [
      {
        redirectUri: 'https://a.example/cb',
        clientMetadataUrl: 'https://a.example/',
      },
      /https: URL with a path/,
    ],
    [
      { redirectUri: 'https://a.example/cb', clientSecret: 's' },
      /without clientId/,
    ],
    [
      {
        redirectUri: 'https://a.example/cb',
        tokenEndpointAuthMethod: 'private_key_jwt',
      },
      /one of none/,
    ],
    [
      { redirectUri: 'https://a.example/cb', storage: 'session' },
      /needs sessionStorage/,
    ],
    [
      { redirectUri: 'https://a.example/cb', storage: { getItem: () => null } },
      /getItem, setItem and removeItem/,
    ],
    [
      { redirectUri: 'https://a.example/cb', authorizeTimeout: 0 },
      /authorizeTimeout/,
    ],
  ])('refuses %j', (options, message) => {
    expect(misuse(options)).toMatch(message)
  })

  it('accepts https, loopback http and a native scheme', () => {
    for (const redirectUri of [
      'https://a.example/cb',
      'http://localhost:3000/cb',
      'http://127.0.0.1/cb',
      'com.example.app:/cb',
    ])
      expect(oauth({ redirectUri }).getSnapshot().status).toBe('idle')
  })

  it('signIn() before the provider is given to a client says so', async () => {
    await expect(
      oauth({ redirectUri: 'https://a.example/cb' }).signIn(),
    ).rejects.toThrow(/pass this provider as the auth option/)
  })
})
