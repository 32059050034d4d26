import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useEffect, useLayoutEffect, useState, type ReactNode } from 'react'
import {
  followClients,
  type BacklogOf,
  type InspectorClients,
} from './inspector/attach'
import { InspectorContext } from './inspector/context'
import { createInspector, type Inspector } from './inspector/create'
import { createQueryClient } from './queryClient'
import { Workspace } from './Workspace'

// Layout effects warn during server rendering in React 18; there is nothing to attach there.
const useIsomorphicLayoutEffect =
  typeof document === 'undefined' ? useEffect : useLayoutEffect

export interface MCPInspectorProps {
  /**
   * Clients the app already has, shown as sessions: an array, clients by name, or a
   * `ClientRegistry` (followed as clients come and go). The inspector only listens to them and
   * calls through them: it opens no connection or stream of its own.
   * @defaultValue none: sessions come from `inspector.sessionActions.open(config)`
   * @example <MCPInspector clients={{ docs, search }} />
   */
  clients?: InspectorClients
  /**
   * The state to show; made once per component when not given. Pass one to open sessions from
   * outside (a connect form) or to read the state in tests.
   * @defaultValue a new `createInspector()` per component
   */
  inspector?: Inspector
  /**
   * Wire events the host recorded for a client before the inspector attached to it (the
   * handshake, when the inspector loads lazily); they come first in that session's log.
   * @defaultValue none
   */
  backlogOf?: BacklogOf
  /**
   * Above the session list, in the sidebar: the playground puts its connect form here.
   * @defaultValue nothing
   */
  sidebar?: ReactNode
  /**
   * Shown in the main pane while there is no session.
   * @defaultValue a line saying that there is no connection yet
   */
  emptyState?: ReactNode
  /**
   * Where the dragged splits are remembered (`localStorage`, under `<layoutId>:outer` and
   * `<layoutId>:inner`).
   * @defaultValue `'mcp-sse-inspector'`
   */
  layoutId?: string
  /**
   * The TanStack Query client for the lists (tools, resources, prompts).
   * @defaultValue a new one per component: no retries, no refetch on focus
   */
  queryClient?: QueryClient
}

/**
 * The inspector's panels for one or more MCP clients: sessions, tools with forms and results,
 * resources, prompts, tasks, server requests, roots, notifications, auth, and the raw wire log.
 * Everything renders under one `.mcp-inspector` element, styled by this package's CSS (import
 * `@mcp-sse/inspector-ui/style.css`, or inject `inspectorCss` into a shadow root).
 *
 * @example <MCPInspector clients={[client]} />
 */
export function MCPInspector({
  clients,
  inspector: given,
  backlogOf,
  sidebar,
  emptyState,
  layoutId = 'mcp-sse-inspector',
  queryClient: givenQueries,
}: MCPInspectorProps) {
  const [own] = useState(createInspector)
  const inspector = given ?? own
  const [ownQueries] = useState(() => givenQueries ?? createQueryClient())
  const queryClient = givenQueries ?? ownQueries
  // Attached in a layout effect, before the passive effects in which an app's hooks connect
  // their clients: the handshake is in the log.
  useIsomorphicLayoutEffect(() => {
    if (clients === undefined) return
    return followClients(inspector, clients, backlogOf)
  }, [inspector, clients, backlogOf])
  return (
    <InspectorContext.Provider value={inspector}>
      <QueryClientProvider client={queryClient}>
        <div className="mcp-inspector mcp-inspector-root">
          <Workspace
            sidebar={sidebar}
            emptyState={emptyState}
            layoutId={layoutId}
          />
        </div>
      </QueryClientProvider>
    </InspectorContext.Provider>
  )
}
