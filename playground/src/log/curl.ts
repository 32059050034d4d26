/** Header names whose values are credentials. */
const SECRET =
  /^(authorization|proxy-authorization|cookie|x-api-key|api-key|x-auth-token)$|token|secret|key/i

export function isSecretHeader(name: string): boolean {
  return SECRET.test(name)
}

function quote(value: string): string {
  // POSIX shell single quotes: nothing inside is special except the quote itself.
  return `'${value.replace(/'/g, `'\\''`)}'`
}

export interface CurlRequest {
  url: string
  headers: Record<string, string>
  body: string
}

/**
 * A `curl` command that repeats a POST. Credentials are replaced by a placeholder unless
 * `includeSecrets`, so a command pasted into a ticket does not leak a token.
 */
export function toCurl(request: CurlRequest, includeSecrets = false): string {
  const lines = [`curl -X POST ${quote(request.url)}`]
  const typed = Object.keys(request.headers).some(
    (name) => name.toLowerCase() === 'content-type',
  )
  const headers = typed
    ? request.headers
    : { 'Content-Type': 'application/json', ...request.headers }
  for (const [name, value] of Object.entries(headers)) {
    const shown = includeSecrets || !isSecretHeader(name) ? value : '<redacted>'
    lines.push(`  -H ${quote(`${name}: ${shown}`)}`)
  }
  lines.push(`  --data-raw ${quote(request.body)}`)
  return lines.join(' \\\n')
}
