import type { DevtoolsSource } from '../use-devtools-source'
import { DevtoolsPanel } from '../panel'
import { ShadowHost } from './ShadowHost'
import { useConnections } from './use-connections'

/** The panel in place, for `<MCPDevtoolsPanel />` and the TanStack Devtools plugin. */
export function EmbeddedPanel({ source, recorder }: DevtoolsSource) {
  const clients = useConnections(source)
  return (
    <ShadowHost name="panel">
      <div className="embedded">
        <DevtoolsPanel clients={clients} logOf={recorder.logOf} />
      </div>
    </ShadowHost>
  )
}
