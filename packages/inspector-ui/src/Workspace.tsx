import type { ReactNode } from 'react'
import {
  Group,
  Panel,
  Separator,
  useDefaultLayout,
} from 'react-resizable-panels'
import { useInspector } from './inspector/context'
import { LogPanel } from './log/LogPanel'
import { SessionList } from './sessions/SessionList'
import { SessionView } from './SessionView'

/** Remembers where the user dragged the splits, in this browser only. */
function layoutStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

export interface WorkspaceProps {
  sidebar: ReactNode
  emptyState: ReactNode
  layoutId: string
}

/** Sidebar (sessions) | the selected session's panels over the raw log; every split resizable. */
export function Workspace({ sidebar, emptyState, layoutId }: WorkspaceProps) {
  const { useSessions, getSession } = useInspector()
  const selected = useSessions((s) => getSession(s.selected))
  const storage = layoutStorage()
  const outer = useDefaultLayout({ id: `${layoutId}:outer`, storage })
  const inner = useDefaultLayout({ id: `${layoutId}:inner`, storage })
  return (
    <Group
      orientation="horizontal"
      className="panes"
      defaultLayout={outer.defaultLayout}
      onLayoutChanged={outer.onLayoutChanged}
    >
      <Panel id="side" defaultSize="23%" minSize="220px" maxSize="45%">
        <aside className="side" aria-label="Connections">
          {sidebar}
          <SessionList />
        </aside>
      </Panel>
      <Separator
        className="separator separator-v"
        aria-label="Resize the sidebar"
      />
      <Panel id="work" minSize="40%">
        <Group
          orientation="vertical"
          className="panes"
          defaultLayout={inner.defaultLayout}
          onLayoutChanged={inner.onLayoutChanged}
        >
          <Panel id="main" minSize="20%">
            <main className="main">
              {selected === undefined ? (
                (emptyState ?? (
                  <div className="empty-state welcome">
                    <h2>No connection yet</h2>
                    <p className="hint">
                      Sessions show here as soon as there is one: its tools,
                      resources and prompts above, every frame in the log below.
                    </p>
                  </div>
                ))
              ) : (
                <SessionView key={selected.id} session={selected} />
              )}
            </main>
          </Panel>
          <Separator
            className="separator separator-h"
            aria-label="Resize the log"
          />
          <Panel id="log" defaultSize="38%" minSize="12%">
            <LogPanel />
          </Panel>
        </Group>
      </Panel>
    </Group>
  )
}
