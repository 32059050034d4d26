// Bundle-size entry: the React hook with the core and its OAuth sign-in (React itself is external).
import { completeAuthorization, oauth } from '@mcp-sse/core/oauth'
import { useMCPSSE } from '@mcp-sse/react'

export { completeAuthorization }

const auth = oauth({ redirectUri: `${location.origin}/callback` })

export function useServer(url: string) {
  return useMCPSSE({ url, auth })
}
