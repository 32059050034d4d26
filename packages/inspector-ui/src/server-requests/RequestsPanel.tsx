import { RequestCard } from './RequestCard'
import { useInspector } from '../inspector/context'

/**
 * Every request the servers sent that waits for the user, across sessions, oldest first; then the
 * ones already settled. Lives in a store, so a pending card survives switching panels.
 */
export function RequestsPanel() {
  const { useServerRequests, serverRequestActions } = useInspector()
  const requests = useServerRequests((s) => s.requests)
  const pending = requests.filter((r) => r.state === 'pending')
  const settled = requests.filter((r) => r.state !== 'pending')
  return (
    <div className="requests-panel">
      <div className="panel-head">
        <h2>Server requests</h2>
        <span className="hint">
          {pending.length} waiting
          {settled.length > 0 && ` · ${settled.length} settled`}
        </span>
        {settled.length > 0 && (
          <button
            type="button"
            className="small push"
            onClick={() => serverRequestActions.clearSettled()}
          >
            Clear settled
          </button>
        )}
      </div>
      {requests.length === 0 && (
        <div className="empty-state">
          <p>No requests from servers yet.</p>
          <p className="hint">
            Sampling and elicitation requests appear here when a server asks
            (try server-everything’s <code>trigger-sampling-request</code> or{' '}
            <code>trigger-elicitation-request</code> tools). They wait for your
            answer however long you take.
          </p>
        </div>
      )}
      {pending.map((r) => (
        <RequestCard key={r.key} request={r} />
      ))}
      {settled.length > 0 && (
        <details className="settled" open={pending.length === 0}>
          <summary>Settled</summary>
          {settled.map((r) => (
            <RequestCard key={r.key} request={r} />
          ))}
        </details>
      )}
    </div>
  )
}
