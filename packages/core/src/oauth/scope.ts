/** Space-separated scopes as a list, without empties or repeats. */
export function scopeList(scope: string | null | undefined): string[] {
  return [...new Set((scope ?? '').split(/\s+/).filter((s) => s !== ''))]
}

/**
 * The scopes to ask for, as MCP's scope selection strategy says: the user's `scope` option, else
 * the challenge's `scope`, else the resource metadata's `scopes_supported`, else none. A step-up
 * (or any re-authorization) adds what was asked for before, so no permission is lost; and
 * `offline_access` is added when the authorization server lists it, for a refresh token.
 */
export function selectScope(input: {
  option?: string
  challenge?: string
  resourceScopes: readonly string[] | null
  previous?: string
  serverScopes: readonly string[] | null
}): string | undefined {
  const chosen =
    input.option !== undefined
      ? scopeList(input.option)
      : input.challenge !== undefined && scopeList(input.challenge).length > 0
        ? scopeList(input.challenge)
        : [...(input.resourceScopes ?? [])]
  const scopes = new Set([...scopeList(input.previous), ...chosen])
  scopes.delete('offline_access')
  if (scopes.size === 0) return undefined
  if (input.serverScopes?.includes('offline_access'))
    scopes.add('offline_access')
  return [...scopes].join(' ')
}
