import type { ReactNode } from 'react'
import type { ServerRequest } from './store'

const TITLES = {
  'sampling/createMessage': 'Sampling request',
  'elicitation/create': 'Elicitation request',
} as const

/** Where a request came from: its session and the call it arrived during. */
export function RequestSource({ request }: { request: ServerRequest }) {
  const origin = request.origin
  return (
    <span className="request-source hint">
      <strong className="session-chip">{request.session}</strong>{' '}
      <code>#{String(request.requestId)}</code>
      {origin !== null && (
        <>
          {' '}
          {origin.exact ? 'during' : 'probably during'}{' '}
          <code>
            {origin.method}
            {origin.subject !== undefined && ` ${origin.subject}`}
          </code>{' '}
          #{String(origin.requestId)}
        </>
      )}
      {request.relatedTask !== null && (
        <>
          {' '}
          for task <code>{request.relatedTask}</code>
        </>
      )}
      {request.taskId !== null && (
        <>
          {' '}
          · runs as client task <code>{request.taskId}</code>
        </>
      )}
    </span>
  )
}

/** The frame every server-request card shares: what it is, where from, and how it ended. */
export function RequestFrame({
  request,
  children,
  actions,
}: {
  request: ServerRequest
  children: ReactNode
  actions: ReactNode
}) {
  const pending = request.state === 'pending'
  return (
    <article
      className={`request-card state-${request.state}`}
      aria-label={`${TITLES[request.method]} ${request.key}`}
      data-testid={`request-${request.key}`}
      data-state={request.state}
    >
      <header className="request-head">
        <span className="request-kind">{TITLES[request.method]}</span>
        <RequestSource request={request} />
        <time
          className="hint push"
          dateTime={new Date(request.receivedAt).toISOString()}
        >
          {new Date(request.receivedAt).toLocaleTimeString()}
        </time>
      </header>
      {children}
      {pending ? (
        <footer className="row request-actions">{actions}</footer>
      ) : (
        <footer
          className={`request-outcome outcome-${request.state}`}
          role="status"
        >
          {request.state === 'answered'
            ? 'Answered: '
            : request.state === 'rejected'
              ? 'Rejected: '
              : 'Withdrawn: '}
          {request.outcome}
        </footer>
      )}
    </article>
  )
}
