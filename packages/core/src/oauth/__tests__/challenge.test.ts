import { describe, expect, it } from 'vitest'
import { parseBearerChallenge } from '../challenge'

describe('parseBearerChallenge (WWW-Authenticate)', () => {
  it('reads resource_metadata, scope, error and error_description', () => {
    expect(
      parseBearerChallenge(
        'Bearer error="insufficient_scope", scope="files:read files:write", resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource", error_description="Additional file write permission required"',
      ),
    ).toEqual({
      error: 'insufficient_scope',
      scope: 'files:read files:write',
      resourceMetadata:
        'https://mcp.example.com/.well-known/oauth-protected-resource',
      errorDescription: 'Additional file write permission required',
    })
  })

  it('finds the Bearer challenge among others, with token68 credentials and bare tokens', () => {
    expect(
      parseBearerChallenge(
        'Basic dXNlcjpwYXNz==, Negotiate, bearer realm=example, scope="a\\"b", error=invalid_token',
      ),
    ).toEqual({ scope: 'a"b', error: 'invalid_token' })
  })

  it('keeps only the first Bearer challenge and ignores later schemes’ parameters', () => {
    expect(
      parseBearerChallenge(
        'Bearer scope="one", DPoP algs="ES256", scope="two"',
      ),
    ).toEqual({ scope: 'one' })
  })

  it('returns null without a Bearer challenge', () => {
    expect(parseBearerChallenge('Basic realm="x"')).toBeNull()
    expect(parseBearerChallenge(null)).toBeNull()
    expect(parseBearerChallenge('')).toBeNull()
  })

  it('accepts a Bearer challenge with no parameters', () => {
    expect(parseBearerChallenge('Bearer')).toEqual({})
  })
})
