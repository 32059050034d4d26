import type { MCPSSEClient } from '@mcp-sse/core'
import { useId, useState } from 'react'
import type { DevtoolsConnection } from '../connections'
import type { WireLog } from '../wire-log'
import { ConnectionFacts } from './ConnectionFacts'
import { StatusDot } from './StatusDot'
import { ToolsView } from './ToolsView'
import { WireLogView } from './WireLogView'

/**
 * A string found only in the panel's code. The example app's production build is searched for it
 * to prove that none of the panel ships there.
 */
export const PANEL_MARKER = 'mcp-sse-devtools-panel-3c81'

/**
 * The panel's small internal API: the connections to show and where each one's wire log is.
 * `@mcp-sse/inspector-ui`'s component is meant to replace this one behind the same props.
 */
export interface DevtoolsPanelProps {
  clients: readonly DevtoolsConnection[]
  logOf: (client: MCPSSEClient) => WireLog
}

type Tab = 'log' | 'tools'

function labelOf(connection: DevtoolsConnection): string {
  return connection.name ?? connection.client.url
}

export function DevtoolsPanel({ clients, logOf }: DevtoolsPanelProps) {
  const [chosen, setChosen] = useState<string | null>(null)
  const [tab, setTab] = useState<Tab>('log')
  const id = useId()
  const current = clients.find(({ key }) => key === chosen) ?? clients[0]
  return (
    <div className="panel" data-marker={PANEL_MARKER}>
      <nav className="connections" aria-label="Connections">
        {clients.length === 0 ? (
          <p className="empty">
            No connections yet: they appear here when a component of the app
            opens one.
          </p>
        ) : (
          <ul>
            {clients.map((connection) => (
              <li key={connection.key}>
                <button
                  type="button"
                  aria-current={connection === current ? 'true' : undefined}
                  onClick={() => setChosen(connection.key)}
                >
                  <span className="name">{labelOf(connection)}</span>
                  <StatusDot client={connection.client} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </nav>
      {current && (
        <section
          className="connection"
          aria-label={`Connection ${labelOf(current)}`}
          key={current.key}
        >
          <ConnectionFacts client={current.client} />
          <div role="tablist" aria-label="Views" className="tabs">
            {(['log', 'tools'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`${id}-${name}`}
                aria-selected={tab === name}
                aria-controls={`${id}-${name}-view`}
                onClick={() => setTab(name)}
              >
                {name === 'log' ? 'Wire log' : 'Tools'}
              </button>
            ))}
          </div>
          <div
            role="tabpanel"
            id={`${id}-${tab}-view`}
            aria-labelledby={`${id}-${tab}`}
            className="view"
          >
            {tab === 'log' ? (
              <WireLogView log={logOf(current.client)} />
            ) : (
              <ToolsView client={current.client} log={logOf(current.client)} />
            )}
          </div>
        </section>
      )}
    </div>
  )
}
