import type { MCPSSEClient } from '@mcp-sse/core'

/** Where a query hook reads from: a provider's connection name, or a client you hold. */
export type MCPQueryTarget = string | MCPSSEClient

const clientIds = new WeakMap<MCPSSEClient, string>()
let nextClientId = 1

/** The connection segment of query keys: the name, or a per-client id for a client object. */
export function connectionId(target: MCPQueryTarget): string {
  if (typeof target === 'string') return target
  let id = clientIds.get(target)
  if (id === undefined) {
    id = `client:${String(nextClientId++)}`
    clientIds.set(target, id)
  }
  return id
}

/**
 * Query keys of one connection, for `invalidateQueries`, `setQueryData` and the like. Every key
 * starts with `all`, so `invalidateQueries({ queryKey: mcpQueryKeys('docs').all })` refreshes
 * everything read from `docs`.
 *
 * @example
 * ```ts
 * queryClient.invalidateQueries({ queryKey: mcpQueryKeys('docs').tools })
 * ```
 */
export function mcpQueryKeys(target: MCPQueryTarget) {
  const all = ['mcp-sse', connectionId(target)] as const
  return {
    all,
    tools: [...all, 'tools'] as const,
    resources: [...all, 'resources'] as const,
    resourceTemplates: [...all, 'resourceTemplates'] as const,
    prompts: [...all, 'prompts'] as const,
    resource: (uri: string) => [...all, 'resource', uri] as const,
    /** Every `useMCPGetPrompt` query of `name`, whatever its arguments, when `args` is left out. */
    prompt: (name: string, args?: Record<string, string>) =>
      args === undefined
        ? ([...all, 'prompt', name] as const)
        : ([...all, 'prompt', name, args] as const),
  }
}

export type MCPQueryKeys = ReturnType<typeof mcpQueryKeys>
