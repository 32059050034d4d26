import {
  useMCPPrompts,
  useMCPResources,
  useMCPResourceTemplates,
  useMCPTools,
} from '@mcp-sse/react/query'
import type { Session } from './store'

// The lists come from @mcp-sse/react's TanStack hooks, keyed per client: they refetch when the
// server sends list_changed and after each reconnect, so the panels hold no such logic.
export const useTools = (session: Session) => useMCPTools(session.client)
export const useResources = (session: Session) =>
  useMCPResources(session.client)
export const useTemplates = (session: Session) =>
  useMCPResourceTemplates(session.client)
export const usePrompts = (session: Session) => useMCPPrompts(session.client)
