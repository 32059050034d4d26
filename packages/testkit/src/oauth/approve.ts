/**
 * Follows an authorization request the way a browser would (redirects, cookies) until the
 * authorization server sends it to `redirectUri`, and returns that URL: an `authorize` option
 * for tests against an authorization server whose interaction approves at once.
 */
export async function followAuthorization(
  authorizationUrl: URL | string,
  redirectUri: string,
  signal?: AbortSignal,
): Promise<string> {
  const cookies = new Map<string, string>()
  let url = new URL(authorizationUrl)
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      ...(signal && { signal }),
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair?.indexOf('=') ?? -1
      if (pair && at > 0)
        cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim())
    }
    const location = response.headers.get('location')
    if (!location)
      throw new Error(
        `followAuthorization: ${url.href} answered ${response.status} without a redirect: ${(await response.text()).slice(0, 300)}`,
      )
    const next = new URL(location, url)
    if (next.href.startsWith(redirectUri)) return next.href
    url = next
  }
  throw new Error('followAuthorization: more than 20 redirects')
}
