import { useEffect } from 'react'
import {
  Group,
  Panel,
  Separator,
  useDefaultLayout,
} from 'react-resizable-panels'
import { ConnectForm } from './connect/ConnectForm'
import type { ConnectConfig } from './connect/config'
import type { Preset } from './connect/presets'
import { LogPanel } from './log/LogPanel'
import { pendingCount, useServerRequests } from './server-requests/store'
import { SessionList } from './sessions/SessionList'
import { getSession, sessionActions, useSessions } from './sessions/store'
import { SessionView } from './SessionView'
import { ThemeToggle } from './ui/ThemeToggle'

export interface AppProps {
  initial: ConnectConfig
  remember: boolean
  /** Open `initial` at once (a `?url=` link, or the demo server of `pnpm dev`). */
  autoConnect: boolean
  /** Servers offered by name in the connect form. */
  presets?: readonly Preset[]
}

/** Remembers where the user dragged the splits, in this browser only. */
function layoutStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

export function App({ initial, remember, autoConnect, presets }: AppProps) {
  useEffect(() => {
    if (autoConnect && useSessions.getState().sessions.length === 0) {
      sessionActions.open(initial)
    }
    // Only on first mount: later edits of the form do not reconnect by themselves.
  }, [])
  const selected = useSessions((s) => getSession(s.selected))
  const waiting = useServerRequests(pendingCount)
  const storage = layoutStorage()
  const outer = useDefaultLayout({ id: 'mcp-sse-inspector:outer', storage })
  const inner = useDefaultLayout({ id: 'mcp-sse-inspector:inner', storage })
  return (
    <div className="app">
      <header className="topbar">
        <h1>
          <span className="logo" aria-hidden>
            ◆
          </span>{' '}
          mcp-sse inspector
        </h1>
        <span className="hint">MCP over Streamable HTTP and HTTP+SSE</span>
        <span className="push" />
        {waiting > 0 && (
          <span
            className="badge badge-attention"
            role="status"
            data-testid="waiting"
          >
            {waiting} server request{waiting === 1 ? '' : 's'} waiting
          </span>
        )}
        <ThemeToggle />
      </header>
      <Group
        orientation="horizontal"
        className="panes"
        defaultLayout={outer.defaultLayout}
        onLayoutChanged={outer.onLayoutChanged}
      >
        <Panel id="side" defaultSize="23%" minSize="220px" maxSize="45%">
          <aside className="side" aria-label="Connections">
            <ConnectForm
              initial={initial}
              remember={remember}
              presets={presets}
            />
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
                  <div className="empty-state welcome">
                    <h2>Connect to an MCP server</h2>
                    <p className="hint">
                      Enter its URL on the left: a Streamable HTTP endpoint (
                      <code>http://localhost:3001/mcp</code>), an HTTP+SSE
                      stream (<code>…/sse</code>) or a bare origin, which the
                      client probes. Its tools, resources and prompts show here;
                      every frame shows in the log below.
                    </p>
                  </div>
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
    </div>
  )
}
