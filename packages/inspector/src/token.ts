import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** The request header that carries the launcher's token. */
export const TOKEN_HEADER = 'x-mcp-inspector-token'

/** A fresh random 256-bit token, base64url (43 characters), made once per run. */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Whether `given` is the token, in time that does not depend on where they differ. Both sides are
 * hashed first so that `timingSafeEqual` compares equal lengths and a wrong length leaks nothing.
 */
export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given === '') return false
  const a = createHash('sha256').update(expected).digest()
  const b = createHash('sha256').update(given).digest()
  return timingSafeEqual(a, b)
}
