import type { Session } from '../sessions/store'
import { setRemember } from './sign-in'
import { useInspector } from '../inspector/context'

/** The Sign in button and the "remember" choice, wherever a session asks for a sign-in. */
export function SignInControls({
  session,
  label = 'Sign in',
}: {
  session: Session
  label?: string
}) {
  const inspector = useInspector()
  const { sessionActions, useSessionAuth } = inspector
  const { remember } = useSessionAuth(session.id)
  return (
    <span className="row sign-in-controls">
      <button
        type="button"
        className="primary"
        // The popup opens inside this click: called any later, the browser would block it.
        onClick={() => sessionActions.signIn(session.id)}
      >
        {label}
      </button>
      <label title="Without this, the tokens live in this tab only (sessionStorage) and go when it closes">
        <input
          type="checkbox"
          checked={remember}
          onChange={(e) =>
            setRemember(inspector, session.id, session.signIn, e.target.checked)
          }
        />{' '}
        remember sign-in on this device
      </label>
    </span>
  )
}
