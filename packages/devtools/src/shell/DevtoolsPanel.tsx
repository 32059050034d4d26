import type { MCPSSEClient, WireEvent } from '@mcp-sse/core'
import { inspectorCss, MCPInspector } from '@mcp-sse/inspector-ui'
import type { DevtoolsClients } from '../options'

export interface DevtoolsPanelProps {
  /** What the inspector shows: the devtools' `clients`, or the provider's registry. */
  clients: DevtoolsClients
  /** The devtools' recording of each client from before this panel mounted. */
  backlogOf: (client: MCPSSEClient) => readonly WireEvent[]
  /** Where the inspector remembers its dragged splits (`localStorage`). */
  layoutId: string
}

/**
 * The devtools' content is `@mcp-sse/inspector-ui`'s `<MCPInspector />`, on the app's own clients:
 * the inspector and the devtools are one code base. Its style sheet goes into the devtools' shadow
 * root beside the shell's; every rule of it is scoped to the inspector's own root element.
 */
export function DevtoolsPanel({
  clients,
  backlogOf,
  layoutId,
}: DevtoolsPanelProps) {
  return (
    <>
      <style>{inspectorCss}</style>
      <div className="inspector">
        <MCPInspector
          clients={clients}
          backlogOf={backlogOf}
          layoutId={layoutId}
          emptyState={
            <p className="empty">
              No connections yet: they appear here when a component of the app
              opens one.
            </p>
          }
        />
      </div>
    </>
  )
}
