// Bundle-size entry: use-mcp's React hook (React itself is external).
import { useMcp } from 'use-mcp/react'

export function useServer(url: string) {
  return useMcp({ url })
}
