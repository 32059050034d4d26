import type { Tool } from '@mcp-sse/core'
import { useMemo, useState } from 'react'
import { errorText, explainTitle } from '../connect/explain'
import { useTools } from '../sessions/queries'
import type { Session } from '../sessions/store'
import { ItemLabel } from '../ui/ItemLabel'
import { ToolForm } from './ToolForm'
import { useInspector } from '../inspector/context'

export function ToolsPanel({
  session,
  onTask,
}: {
  session: Session
  /** Shows a task the user just started (the Tasks tab). */
  onTask?: (key: string) => void
}) {
  const { useToolState, toolActions } = useInspector()
  const tools = useTools(session)
  const [search, setSearch] = useState('')
  const selected = useToolState((s) => s.selected[session.id])
  const rejected = useToolState((s) => s.rejected[session.id])
  const setSelected = (name: string) => toolActions.select(session.id, name)
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase()
    const list = tools.data ?? []
    if (q === '') return list
    return list.filter((t) =>
      `${t.name} ${t.title ?? ''} ${t.description ?? ''}`
        .toLowerCase()
        .includes(q),
    )
  }, [tools.data, search])
  const tool: Tool | undefined = tools.data?.find((t) => t.name === selected)

  return (
    <div className="split">
      <div className="list-pane">
        <div className="row">
          <input
            type="search"
            aria-label="Search tools"
            placeholder={`Search ${tools.data?.length ?? 0} tools`}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <button
            type="button"
            className="small"
            onClick={() => void tools.refetch()}
            title="List again"
          >
            ↻
          </button>
        </div>
        {tools.isPending && tools.fetchStatus === 'fetching' && (
          <div className="hint">Listing tools…</div>
        )}
        {tools.isPending && tools.fetchStatus === 'idle' && (
          <div className="hint">Waiting for the session.</div>
        )}
        {tools.error !== null && (
          <div className="error-box" role="alert">
            <strong>{explainTitle(tools.error)}</strong>{' '}
            {errorText(tools.error)}
          </div>
        )}
        <ul className="item-list" aria-label="Tools">
          {shown.map((t) => (
            <li key={t.name}>
              <button
                type="button"
                className={t.name === selected ? 'item selected' : 'item'}
                data-testid={`tool-${t.name}`}
                aria-current={t.name === selected}
                onClick={() => setSelected(t.name)}
              >
                <ItemLabel name={t.name} title={t.title} icons={t.icons} />
                {t.description !== undefined && (
                  <span className="item-desc">{t.description}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
        {rejected !== undefined && (
          <ul className="item-list" aria-label="Tools not callable">
            {Object.entries(rejected).map(([name, reason]) => (
              <li
                key={name}
                className="rejected-tool"
                data-testid={`rejected-tool-${name}`}
                title="The client left it out of tools/list and refuses to call it (protocol 2026-07-28)"
              >
                <strong>{name}</strong>{' '}
                <span className="item-desc">not callable: {reason}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="detail-pane">
        {tool === undefined ? (
          <div className="empty-state hint">
            {tools.data?.length === 0
              ? 'This server offers no tools.'
              : 'Choose a tool to see its form. Ctrl+Enter calls it.'}
          </div>
        ) : (
          <ToolForm
            key={tool.name}
            session={session}
            tool={tool}
            onTask={onTask}
          />
        )}
      </div>
    </div>
  )
}
