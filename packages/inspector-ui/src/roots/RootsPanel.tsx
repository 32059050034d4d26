import { useState } from 'react'
import { errorText } from '../connect/explain'
import { saveRoots } from './announce'
import { rootProblem, type Root } from './store'
import { useInspector } from '../inspector/context'

/**
 * The roots every session that declared `roots` answers `roots/list` with. Edits stay a draft
 * until saved; saving announces `notifications/roots/list_changed` to those sessions.
 */
export function RootsPanel() {
  const inspector = useInspector()
  const { useRoots } = inspector
  const saved = useRoots((s) => s.roots)
  const [draft, setDraft] = useState<Root[]>(saved)
  const [note, setNote] = useState<string | null>(null)
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved)
  const problems = draft.map((r) => rootProblem(r.uri))
  const set = (i: number, patch: Partial<Root>) =>
    setDraft(draft.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
    <form
      className="roots-panel"
      aria-label="Roots"
      onSubmit={(e) => {
        e.preventDefault()
        saveRoots(inspector, draft).then(
          (told) =>
            setNote(
              told.length === 0
                ? 'Saved. No connected session declared roots, so none was told.'
                : `Saved; notifications/roots/list_changed sent to ${told.join(', ')}.`,
            ),
          (error: unknown) => setNote(errorText(error)),
        )
      }}
    >
      <div className="panel-head">
        <h2>Roots</h2>
        <span className="hint">
          what the client offers the server as its workspace (roots/list)
        </span>
      </div>
      {draft.length === 0 && (
        <p className="hint">
          No roots: <code>roots/list</code> answers an empty list. Add one, e.g.{' '}
          <code>file:///home/me/project</code>.
        </p>
      )}
      {draft.map((root, i) => (
        <div className="root-row" key={i}>
          <input
            aria-label={`Root ${i + 1} URI`}
            placeholder="file:///home/me/project"
            value={root.uri}
            onChange={(e) => set(i, { uri: e.target.value })}
          />
          <input
            aria-label={`Root ${i + 1} name`}
            placeholder="name (optional)"
            value={root.name}
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <button
            type="button"
            className="small"
            aria-label={`Remove root ${i + 1}`}
            onClick={() => setDraft(draft.filter((_, j) => j !== i))}
          >
            ✕
          </button>
          {problems[i] != null && (
            <span className="hint error" role="status">
              {problems[i]}
            </span>
          )}
        </div>
      ))}
      <div className="row">
        <button
          type="button"
          className="small"
          onClick={() => setDraft([...draft, { uri: 'file:///', name: '' }])}
        >
          + root
        </button>
        <button type="submit" className="primary" disabled={!dirty}>
          Save and announce
        </button>
        {dirty && (
          <button
            type="button"
            className="small"
            onClick={() => setDraft(saved)}
          >
            Discard edits
          </button>
        )}
        {note !== null && (
          <span className="hint" role="status">
            {note}
          </span>
        )}
      </div>
    </form>
  )
}
