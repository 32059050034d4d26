import type {
  MCPError,
  Prompt,
  Resource,
  ResourceTemplate,
  ServerCapabilities,
  Tool,
} from '@mcp-sse/core'
import type { UseQueryResult } from '@tanstack/react-query'
import { mcpQueryKeys, type MCPQueryTarget } from './keys'
import { useMCPQuery, type MCPQueryOptions } from './use-mcp-query'

/** A server that does not announce the capability has an empty list, not a failing query. */
const announced = (
  capabilities: ServerCapabilities | null,
  name: keyof ServerCapabilities,
): boolean => Boolean(capabilities?.[name])

/**
 * Every tool of the connection (all pages), refetched when the server says `tools/list_changed`
 * and after a reconnect.
 *
 * @example
 * ```tsx
 * const { data: tools = [] } = useMCPTools('docs')
 * ```
 */
export function useMCPTools(
  target: MCPQueryTarget,
  options: MCPQueryOptions = {},
): UseQueryResult<Tool[], MCPError> {
  return useMCPQuery({
    target,
    queryKey: mcpQueryKeys(target).tools,
    queryFn: (client) =>
      announced(client.getSnapshot().capabilities, 'tools')
        ? client.listAllTools()
        : Promise.resolve([]),
    staleOn: { method: 'notifications/tools/list_changed' },
    options,
    defaultStaleTime: Infinity,
  })
}

/** Every resource of the connection; refetched on `resources/list_changed` and reconnects. */
export function useMCPResources(
  target: MCPQueryTarget,
  options: MCPQueryOptions = {},
): UseQueryResult<Resource[], MCPError> {
  return useMCPQuery({
    target,
    queryKey: mcpQueryKeys(target).resources,
    queryFn: (client) =>
      announced(client.getSnapshot().capabilities, 'resources')
        ? client.listAllResources()
        : Promise.resolve([]),
    staleOn: { method: 'notifications/resources/list_changed' },
    options,
    defaultStaleTime: Infinity,
  })
}

/** Every resource template; refetched on `resources/list_changed` and reconnects. */
export function useMCPResourceTemplates(
  target: MCPQueryTarget,
  options: MCPQueryOptions = {},
): UseQueryResult<ResourceTemplate[], MCPError> {
  return useMCPQuery({
    target,
    queryKey: mcpQueryKeys(target).resourceTemplates,
    queryFn: (client) =>
      announced(client.getSnapshot().capabilities, 'resources')
        ? client.listAllResourceTemplates()
        : Promise.resolve([]),
    staleOn: { method: 'notifications/resources/list_changed' },
    options,
    defaultStaleTime: Infinity,
  })
}

/** Every prompt; refetched on `prompts/list_changed` and reconnects. */
export function useMCPPrompts(
  target: MCPQueryTarget,
  options: MCPQueryOptions = {},
): UseQueryResult<Prompt[], MCPError> {
  return useMCPQuery({
    target,
    queryKey: mcpQueryKeys(target).prompts,
    queryFn: (client) =>
      announced(client.getSnapshot().capabilities, 'prompts')
        ? client.listAllPrompts()
        : Promise.resolve([]),
    staleOn: { method: 'notifications/prompts/list_changed' },
    options,
    defaultStaleTime: Infinity,
  })
}
