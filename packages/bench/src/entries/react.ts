// Bundle-size entry: the React hook with the core under it (React itself is external).
import { useMCPSSE } from '@mcp-sse/react'

export function useServer(url: string) {
  return useMCPSSE({ url })
}
