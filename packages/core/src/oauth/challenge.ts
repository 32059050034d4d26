/** What a `Bearer` challenge in `WWW-Authenticate` says (RFC 6750 §3, RFC 9728 §5.1). */
export interface BearerChallenge {
  resourceMetadata?: string
  scope?: string
  error?: string
  errorDescription?: string
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/
// A challenge's token68 credentials (`Basic dXNlcg==`), recognised by the comma or end after it.
const TOKEN68 = /^\s+[A-Za-z0-9\-._~+/]+=*\s*(?=,|$)/

/**
 * Reads the Bearer challenge out of a `WWW-Authenticate` value that may hold several challenges
 * (`Basic realm="x", Bearer scope="a b", resource_metadata="…"`). Returns null when there is none.
 * Hand-written because the header's grammar (RFC 9110 §11.6.1) has no parser in the platform.
 */
export function parseBearerChallenge(
  header: string | null,
): BearerChallenge | null {
  if (!header) return null
  let rest = header
  let current: Record<string, string> | null = null
  let bearer: Record<string, string> | null = null
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '')
    const name = TOKEN.exec(rest)?.[0]
    if (!name) break
    rest = rest.slice(name.length)
    const equals = /^\s*=\s*/.exec(rest)
    if (equals && rest[equals[0].length] !== '=') {
      rest = rest.slice(equals[0].length)
      const [value, length] = readValue(rest)
      rest = rest.slice(length)
      if (current) current[name.toLowerCase()] = value
      continue
    }
    current = {}
    if (!bearer && name.toLowerCase() === 'bearer') bearer = current
    const token68 = TOKEN68.exec(rest)
    if (token68) rest = rest.slice(token68[0].length)
  }
  if (!bearer) return null
  const challenge: BearerChallenge = {}
  if (bearer.resource_metadata)
    challenge.resourceMetadata = bearer.resource_metadata
  if (bearer.scope !== undefined) challenge.scope = bearer.scope
  if (bearer.error) challenge.error = bearer.error
  if (bearer.error_description)
    challenge.errorDescription = bearer.error_description
  return challenge
}

/** A quoted string (with `\` escapes) or a token; returns the value and the characters read. */
function readValue(text: string): [string, number] {
  if (!text.startsWith('"')) {
    const token = /^[^\s,]*/.exec(text)?.[0] ?? ''
    return [token, token.length]
  }
  let value = ''
  let i = 1
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\' && i + 1 < text.length) i++
    value += text[i]
    i++
  }
  return [value, i + 1]
}
