import { isMCPError } from '@mcp-sse/core'
import {
  useInspector,
  type Inspector,
  type Session,
} from '@mcp-sse/inspector-ui'
import {
  isBridged,
  isLauncherUrl,
  launcherToken,
  setBridged,
  useSnapshot,
} from '@mcp-sse/inspector-ui/app'

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

/**
 * Shown only on a page opened by the launcher: when a direct connection fails the way a missing
 * CORS answer fails (the browser reports only a network error), offer to go through the local
 * bridge; for a bridged session, say so and offer to stop.
 */
export function BridgeOffer() {
  const { useSessions, getSession } = useInspector()
  const session = useSessions((s) => getSession(s.selected))
  if (session === undefined || launcherToken() === null) return null
  if (isLauncherUrl(session.config.url)) return null
  return <Offer key={session.id} session={session} />
}

function reopen(
  { sessionActions }: Inspector,
  session: Session,
  bridged: boolean,
): void {
  setBridged(session.config.url, bridged)
  sessionActions.open(session.config)
  void sessionActions.remove(session.id)
}

function Offer({ session }: { session: Session }) {
  const inspector = useInspector()
  const snap = useSnapshot(session.client)
  const origin = originOf(session.config.url)
  if (isBridged(session.config.url)) {
    return (
      <div className="hint" data-testid="bridge-note">
        {session.id} reaches {origin} through the local bridge.{' '}
        <button
          type="button"
          className="small"
          onClick={() => reopen(inspector, session, false)}
        >
          Connect directly
        </button>
      </div>
    )
  }
  if (!isMCPError(snap.error) || snap.error.code !== 'network') return null
  return (
    <div className="error-box" role="alert" data-testid="bridge-offer">
      <p>
        The browser could not reach {origin}. If the server is running, it most
        likely sends no CORS headers for this page. The launcher on this machine
        can forward the connection instead.
      </p>
      <button
        type="button"
        className="primary"
        onClick={() => reopen(inspector, session, true)}
      >
        Connect through the local bridge
      </button>
    </div>
  )
}
