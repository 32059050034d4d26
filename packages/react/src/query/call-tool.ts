import type { CallToolResult, MCPError, Progress } from '@mcp-sse/core'
import { useMutation, type UseMutationResult } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { mcpQueryKeys, type MCPQueryTarget } from './keys'
import { useClientFor } from './use-mcp-query'

export interface CallToolVariables {
  name: string
  arguments?: Record<string, unknown>
  /** Milliseconds to wait for the result. @defaultValue the client's `requestTimeout` */
  timeout?: number
}

export type UseMCPCallToolResult = UseMutationResult<
  CallToolResult,
  MCPError,
  CallToolVariables
> & {
  /** The last `notifications/progress` of the call in flight; `null` before the first. */
  progress: Progress | null
  /** Aborts the call in flight: it rejects with `aborted` and the server is told to stop. */
  cancel: () => void
}

/**
 * Calls tools as a TanStack mutation, with progress and cancellation. A result with
 * `isError: true` is data, not a failure: the tool ran and said it failed.
 *
 * @example
 * ```tsx
 * const call = useMCPCallTool('docs')
 * call.mutate({ name: 'longRunningOperation', arguments: { duration: 5 } })
 * call.progress?.progress; call.cancel()
 * ```
 */
export function useMCPCallTool(target: MCPQueryTarget): UseMCPCallToolResult {
  const client = useClientFor(target)
  const [progress, setProgress] = useState<Progress | null>(null)
  const current = useRef<AbortController | null>(null)
  const mounted = useRef(false)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const mutation = useMutation<CallToolResult, MCPError, CallToolVariables>({
    mutationKey: [...mcpQueryKeys(target).all, 'callTool'],
    mutationFn: async ({ name, arguments: args, timeout }) => {
      const controller = new AbortController()
      current.current = controller
      setProgress(null)
      try {
        return await client.callTool(name, args, {
          signal: controller.signal,
          ...(timeout === undefined ? {} : { timeout }),
          onProgress: (update) => {
            // Only the latest call reports, and nothing reaches an unmounted component.
            if (current.current === controller && mounted.current)
              setProgress(update)
          },
        })
      } finally {
        if (current.current === controller) current.current = null
      }
    },
  })

  const cancel = useCallback(() => current.current?.abort(), [])
  return { ...mutation, progress, cancel }
}
