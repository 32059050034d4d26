import type { DevtoolsSource } from '../use-devtools-source'
import { DevtoolsPanel } from './DevtoolsPanel'
import { ShadowHost } from './ShadowHost'

/** The panel in place, for `<MCPDevtoolsPanel />` and the TanStack Devtools plugin. */
export function EmbeddedPanel({ clients, recorder }: DevtoolsSource) {
  return (
    <ShadowHost name="panel">
      <div className="embedded">
        <DevtoolsPanel
          clients={clients}
          backlogOf={recorder.backlogOf}
          layoutId="mcp-sse-devtools:panel"
        />
      </div>
    </ShadowHost>
  )
}
