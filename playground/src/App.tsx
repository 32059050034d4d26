import { useEffect, useState } from 'react'
import { ConnectForm } from './connect/ConnectForm'
import type { ConnectConfig } from './connect/config'
import type { Preset } from './connect/presets'
import { LogPanel } from './log/LogPanel'
import { NotificationsPanel } from './notifications/NotificationsPanel'
import { PromptsPanel } from './prompts/PromptsPanel'
import { ResourcesPanel } from './resources/ResourcesPanel'
import { SessionList } from './sessions/SessionList'
import {
  getSession,
  sessionActions,
  useSessions,
  type Session,
} from './sessions/store'
import { ToolsPanel } from './tools/ToolsPanel'
import { useSnapshot } from './sessions/useSnapshot'
import { errorText, explainTitle } from './connect/explain'
import { ThemeToggle } from './ui/ThemeToggle'

export interface AppProps {
  initial: ConnectConfig
  remember: boolean
  /** Servers offered by name in the connect form. */
  presets?: readonly Preset[]
  /** Open `initial` at once (a `?url=` link, or the demo server of `pnpm dev`). */
  autoConnect: boolean
}

const TABS = ['Tools', 'Resources', 'Prompts', 'Notifications'] as const
type Tab = (typeof TABS)[number]

export function App({ initial, remember, autoConnect, presets }: AppProps) {
  useEffect(() => {
    if (autoConnect && useSessions.getState().sessions.length === 0) {
      sessionActions.open(initial)
    }
    // Only on first mount: later edits of the form do not reconnect by themselves.
  }, [])
  const selected = useSessions((s) => getSession(s.selected))
  return (
    <div className="app">
      <header className="topbar">
        <h1>mcp-sse inspector</h1>
        <span className="hint">MCP over Streamable HTTP and HTTP+SSE</span>
        <span className="push" />
        <ThemeToggle />
      </header>
      <aside className="side">
        <ConnectForm initial={initial} remember={remember} presets={presets} />
        <SessionList />
      </aside>
      <main className="main">
        {selected === undefined ? (
          <div className="empty hint">
            Connect to a server to see its tools, resources and prompts.
          </div>
        ) : (
          <SessionView key={selected.id} session={selected} />
        )}
      </main>
      <LogPanel />
    </div>
  )
}

/** Why the selected session is not ready, above its panels, where the eye already is. */
function SessionBanner({ session }: { session: Session }) {
  const snap = useSnapshot(session.client)
  if (snap.connected || snap.error === null) return null
  return (
    <div className="error-box banner" role="alert" data-testid="session-banner">
      <strong>
        {session.id} {snap.status}: {explainTitle(snap.error)}.
      </strong>{' '}
      {errorText(snap.error)}
    </div>
  )
}

function SessionView({ session }: { session: Session }) {
  const [tab, setTab] = useState<Tab>('Tools')
  return (
    <>
      <div role="tablist" className="tabs" aria-label="Session panels">
        {TABS.map((t) => (
          <button
            key={t}
            role="tab"
            type="button"
            aria-selected={t === tab}
            className={t === tab ? 'tab selected' : 'tab'}
            onClick={() => setTab(t)}
            onKeyDown={(e) => {
              const step =
                e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
              if (step !== 0)
                setTab(
                  TABS[
                    (TABS.indexOf(tab) + step + TABS.length) % TABS.length
                  ] ?? tab,
                )
            }}
          >
            {t}
          </button>
        ))}
        <span className="hint push">{session.id}</span>
      </div>
      <SessionBanner session={session} />
      <div role="tabpanel" className="tabpanel">
        {tab === 'Tools' && <ToolsPanel session={session} />}
        {tab === 'Resources' && <ResourcesPanel session={session} />}
        {tab === 'Prompts' && <PromptsPanel session={session} />}
        {tab === 'Notifications' && <NotificationsPanel session={session} />}
      </div>
    </>
  )
}
