import type { Session } from '../sessions/store'
import { useSnapshot } from '../sessions/useSnapshot'
import { signInOffer, signInOrigin } from './offer'
import { SignInControls } from './SignInControls'
import { useInspector } from '../inspector/context'

/** Above the session's panels: the server wants a sign-in, and the button that starts it. */
export function SignInBanner({
  session,
  onDetails,
}: {
  session: Session
  onDetails: () => void
}) {
  const { useSessionAuth } = useInspector()
  const snap = useSnapshot(session.client)
  const { events } = useSessionAuth(session.id)
  const offer = signInOffer(session.signIn !== null, snap, events)
  if (offer === null) return null
  const where = signInOrigin(snap)
  return (
    <div
      className="warn-box banner sign-in-banner"
      role="status"
      data-testid="sign-in-banner"
      data-offer={offer}
    >
      <span>
        {offer === 'waiting' &&
          `${session.id} needs you to sign in${where ? ` at ${where}` : ''}. The sign-in opens in a popup (or, if the browser blocks it, in this tab, which comes back here).`}
        {offer === 'offered' &&
          `${session.id}: the server asks for an OAuth sign-in (401 with a Bearer challenge).`}
        {offer === 'retry' && `${session.id}: the sign-in failed.`}{' '}
        <button type="button" className="link" onClick={onDetails}>
          Auth steps
        </button>
      </span>
      <SignInControls
        session={session}
        label={offer === 'retry' ? 'Sign in again' : 'Sign in'}
      />
    </div>
  )
}
