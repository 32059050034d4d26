import { type Session } from '../sessions/store'
import { useSnapshot } from '../sessions/useSnapshot'
import { signInOffer } from './offer'
import { SignInControls } from './SignInControls'
import { currentAttempt, deriveSteps, type Step } from './steps'
import { useInspector } from '../inspector/context'

const MARKS: Record<Step['state'], string> = {
  done: '✓',
  failed: '✕',
  waiting: '…',
  skipped: '–',
  pending: '○',
}
const STATES: Record<Step['state'], string> = {
  done: 'done',
  failed: 'failed',
  waiting: 'waiting for you',
  skipped: 'not needed',
  pending: 'not reached',
}

function StepItem({ step }: { step: Step }) {
  return (
    <li
      className={`auth-step auth-${step.state}`}
      data-testid={`auth-step-${step.id}`}
      data-state={step.state}
    >
      <div className="row">
        <span className="auth-mark" aria-hidden>
          {MARKS[step.state]}
        </span>
        <strong>{step.label}</strong>
        <span className="hint">{STATES[step.state]}</span>
      </div>
      {step.facts.length > 0 && (
        <dl className="facts">
          {step.facts
            .filter(([, value]) => value !== '')
            .map(([label, value], i) => (
              <div key={i} className="contents">
                <dt>{label}</dt>
                <dd className="mono">{value}</dd>
              </div>
            ))}
        </dl>
      )}
      {step.tried.length > 0 && (
        <details>
          <summary className="hint">
            {step.tried.length} request{step.tried.length === 1 ? '' : 's'}{' '}
            without an answer to use
          </summary>
          <ul className="mono hint">
            {step.tried.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      {step.explanation !== undefined && (
        <div className="error-box" role="alert" data-testid="auth-failure">
          <p>{step.explanation}</p>
          {step.detail !== undefined && step.detail !== '' && (
            <p>
              <strong>The client said:</strong> {step.detail}
            </p>
          )}
        </div>
      )}
    </li>
  )
}

/** Each step of the session's sign-in, and why one failed. Everything shown as text. */
export function AuthPanel({ session }: { session: Session }) {
  const { sessionActions, useSessionAuth } = useInspector()
  const snap = useSnapshot(session.client)
  const { events } = useSessionAuth(session.id)
  const offer = signInOffer(session.signIn !== null, snap, events)
  const challenge = currentAttempt(events)
    .filter((e) => e.kind === 'challenge')
    .at(-1)
  const auth = snap.auth
  return (
    <section className="auth-panel" aria-label="Sign-in steps">
      <div className="panel-head">
        <strong>Sign-in</strong>
        <span className="hint" data-testid="auth-status">
          {session.signIn === null
            ? 'this session does not sign in with OAuth'
            : auth?.status === 'authorized'
              ? 'signed in'
              : auth?.status === 'authorizing'
                ? 'waiting for you to sign in'
                : auth?.status === 'error'
                  ? 'failed'
                  : 'not needed yet (the server has not asked)'}
        </span>
        <span className="push" />
        {session.signIn !== null && auth?.status === 'authorized' && (
          <button
            type="button"
            className="small"
            title="Forget this session's tokens"
            onClick={() => void sessionActions.signOut(session.id)}
          >
            Sign out
          </button>
        )}
      </div>
      {offer !== null && (
        <SignInControls
          session={session}
          label={offer === 'retry' ? 'Sign in again' : 'Sign in'}
        />
      )}
      {challenge !== undefined && (
        <div className="hint" data-testid="auth-challenge">
          The server answered {challenge.status} to {challenge.url}:{' '}
          {challenge.facts.map(([k, v]) => `${k} ${v}`).join(', ')}
        </div>
      )}
      {session.signIn === null ? (
        offer === null && (
          <p className="hint">
            Choose “OAuth sign-in” under Auth in the connect form, or connect to
            a server that asks for one: a Sign in button then shows here.
          </p>
        )
      ) : (
        <ol className="auth-steps" aria-label="Steps">
          {deriveSteps(events, auth).map((step) => (
            <StepItem key={step.id} step={step} />
          ))}
        </ol>
      )}
    </section>
  )
}
