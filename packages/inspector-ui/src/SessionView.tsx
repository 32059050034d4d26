import { useState } from 'react'
import { AuthPanel } from './auth/AuthPanel'
import { SignInBanner } from './auth/SignInBanner'
import { errorText, explainTitle } from './connect/explain'
import { NotificationsPanel } from './notifications/NotificationsPanel'
import { PromptsPanel } from './prompts/PromptsPanel'
import { ResourcesPanel } from './resources/ResourcesPanel'
import { RootsPanel } from './roots/RootsPanel'
import { RequestsPanel } from './server-requests/RequestsPanel'
import { pendingCount } from './server-requests/store'
import type { Session } from './sessions/store'
import { useSnapshot } from './sessions/useSnapshot'
import { TasksPanel } from './tasks/TasksPanel'
import { belongsToRun } from './tools/belongs'
import { runKey } from './tools/store'
import { ToolsPanel } from './tools/ToolsPanel'
import { useInspector } from './inspector/context'

const TABS = [
  'Tools',
  'Resources',
  'Prompts',
  'Tasks',
  'Requests',
  'Roots',
  'Notifications',
  'Auth',
] as const
export type Tab = (typeof TABS)[number]

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

export function SessionView({ session }: { session: Session }) {
  const { useToolState, useServerRequests } = useInspector()
  const [tab, setTab] = useState<Tab>('Tools')
  const waiting = useServerRequests(pendingCount)
  // In the Tools tab, cards of the open tool's call show inline; the banner counts the others.
  const tool = useToolState((s) => s.selected[session.id])
  const run = useToolState((s) =>
    tool === undefined ? undefined : s.runs[runKey(session.id, tool)],
  )
  const elsewhere = useServerRequests(
    (s) =>
      s.requests.filter(
        (r) =>
          r.state === 'pending' &&
          !(
            tab === 'Tools' &&
            tool !== undefined &&
            belongsToRun(r, session.id, tool, run)
          ),
      ).length,
  )
  const move = (step: number) =>
    setTab(TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] ?? tab)
  return (
    <div
      className="session-view"
      onKeyDown={(e) => {
        // Alt+1…8 jumps to a tab from anywhere in the session's panels.
        const n = Number(e.key)
        if (e.altKey && n >= 1 && n <= TABS.length) {
          e.preventDefault()
          setTab(TABS[n - 1] ?? tab)
        }
      }}
    >
      <div role="tablist" className="tabs" aria-label="Session panels">
        {TABS.map((t, i) => (
          <button
            key={t}
            role="tab"
            type="button"
            aria-selected={t === tab}
            tabIndex={t === tab ? 0 : -1}
            title={`Alt+${i + 1}`}
            className={t === tab ? 'tab selected' : 'tab'}
            onClick={() => setTab(t)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') move(1)
              if (e.key === 'ArrowLeft') move(-1)
            }}
          >
            {t}
            {t === 'Requests' && waiting > 0 && (
              <span
                className="badge badge-attention"
                aria-label={`${waiting} waiting`}
              >
                {waiting}
              </span>
            )}
          </button>
        ))}
        <span className="hint push session-name">{session.id}</span>
      </div>
      <SessionBanner session={session} />
      <SignInBanner session={session} onDetails={() => setTab('Auth')} />
      {elsewhere > 0 && tab !== 'Requests' && (
        <div className="warn-box banner" role="status">
          A server is waiting for your answer.{' '}
          <button
            type="button"
            className="link"
            onClick={() => setTab('Requests')}
          >
            Show requests ({elsewhere})
          </button>
        </div>
      )}
      <div role="tabpanel" className="tabpanel" aria-label={tab}>
        {tab === 'Tools' && (
          <ToolsPanel session={session} onTask={() => setTab('Tasks')} />
        )}
        {tab === 'Resources' && <ResourcesPanel session={session} />}
        {tab === 'Prompts' && <PromptsPanel session={session} />}
        {tab === 'Tasks' && <TasksPanel session={session} />}
        {tab === 'Requests' && <RequestsPanel />}
        {tab === 'Roots' && <RootsPanel />}
        {tab === 'Notifications' && <NotificationsPanel session={session} />}
        {tab === 'Auth' && <AuthPanel session={session} />}
      </div>
    </div>
  )
}
