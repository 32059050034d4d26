import {
  createInspector,
  MCPInspector,
  pendingCount,
  type ConnectConfig,
  type Inspector,
} from '@mcp-sse/inspector-ui'
import { useEffect, useState } from 'react'
import { keepInAddress } from './auth/return-address'
import { ConnectForm } from './connect/ConnectForm'
import type { Preset } from './connect/presets'
import { ThemeToggle } from './ui/ThemeToggle'

export interface AppProps {
  initial: ConnectConfig
  remember: boolean
  /** Open `initial` at once (a `?url=` link, or the demo server of `pnpm dev`). */
  autoConnect: boolean
  /** Servers offered by name in the connect form. */
  presets?: readonly Preset[]
  /** The inspector's state; main.tsx and tests pass theirs, to reach it from outside. */
  inspector?: Inspector
}

/** The playground's own inspector: a sign-in that leaves the page comes back to its session. */
export function createPlaygroundInspector(): Inspector {
  return createInspector({ beforeSignIn: keepInAddress })
}

/** The inspector page: a top bar and a connect form around `@mcp-sse/inspector-ui`'s panels. */
export function App({
  initial,
  remember,
  autoConnect,
  presets,
  inspector: given,
}: AppProps) {
  const [own] = useState(createPlaygroundInspector)
  const inspector = given ?? own
  useEffect(() => {
    if (autoConnect && inspector.useSessions.getState().sessions.length === 0) {
      inspector.sessionActions.open(initial)
    }
    // Only on first mount: later edits of the form do not reconnect by themselves.
  }, [])
  const waiting = inspector.useServerRequests(pendingCount)
  return (
    <div className="app">
      <header className="topbar">
        <h1>
          <span className="logo" aria-hidden>
            ◆
          </span>{' '}
          mcp-sse inspector
        </h1>
        <span className="hint">MCP over Streamable HTTP and HTTP+SSE</span>
        <span className="push" />
        {waiting > 0 && (
          <span
            className="badge badge-attention"
            role="status"
            data-testid="waiting"
          >
            {waiting} server request{waiting === 1 ? '' : 's'} waiting
          </span>
        )}
        <ThemeToggle />
      </header>
      <MCPInspector
        inspector={inspector}
        sidebar={
          <ConnectForm
            initial={initial}
            remember={remember}
            presets={presets}
          />
        }
        emptyState={
          <div className="empty-state welcome">
            <h2>Connect to an MCP server</h2>
            <p className="hint">
              Enter its URL on the left: a Streamable HTTP endpoint (
              <code>http://localhost:3001/mcp</code>), an HTTP+SSE stream (
              <code>…/sse</code>) or a bare origin, which the client probes. Its
              tools, resources and prompts show here; every frame shows in the
              log below.
            </p>
          </div>
        }
      />
    </div>
  )
}
