import type { MCPClientSnapshot } from '@mcp-sse/core'
import { isStateless, type ProtocolChoice } from '../connect/protocol'

/**
 * The protocol revision a session speaks and what that means for its state: 2026-07-28 has no
 * session at all (every request stands alone), earlier revisions keep one (`Mcp-Session-Id` on
 * Streamable HTTP, the stream itself on HTTP+SSE). Rendered inside the session card's `<dl>`.
 */
export function EraFacts({
  snap,
  pinned,
}: {
  snap: MCPClientSnapshot
  pinned: ProtocolChoice
}) {
  const version = snap.protocolVersion
  return (
    <>
      <dt>protocol</dt>
      <dd>
        {version === null ? (
          <span className="hint">
            {pinned === 'auto' ? 'not known yet' : `${pinned} (pinned)`}
          </span>
        ) : (
          <>
            <span data-testid="session-protocol">{version}</span>
            {pinned !== 'auto' && <span className="hint"> (pinned)</span>}
          </>
        )}
      </dd>
      {version !== null && (
        <>
          <dt>era</dt>
          <dd data-testid="session-era">
            {isStateless(version)
              ? 'stateless, no session'
              : snap.sessionId !== null
                ? 'session-based'
                : snap.transport === 'sse'
                  ? 'session-based (the SSE stream)'
                  : 'session-based (server keeps none)'}
          </dd>
        </>
      )}
      {snap.sessionId !== null && (
        <>
          <dt>session</dt>
          <dd
            className="mono ellipsis"
            title={snap.sessionId}
            data-testid="session-id"
          >
            {snap.sessionId}
          </dd>
        </>
      )}
    </>
  )
}
