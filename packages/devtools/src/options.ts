import type { ClientRegistry, MCPSSEClient } from '@mcp-sse/core'

/**
 * Which clients the devtools show: a registry (every client it holds, as they come and go), a list
 * of clients, or clients by name.
 */
export type DevtoolsClients =
  | ClientRegistry
  | readonly MCPSSEClient[]
  | Readonly<Record<string, MCPSSEClient>>

/** Where the panel docks. */
export type DevtoolsPosition = 'bottom' | 'right'

export interface MCPDevtoolsPanelProps {
  /**
   * The clients to show. Never a new connection: the devtools read these clients' state and wire
   * tap, and send only what you ask them to (a tool call from the panel).
   * @defaultValue the registry of the nearest `<MCPSSEProvider>` (or the one `useMCPSSE` uses
   * outside any provider)
   * @example <MCPDevtools clients={[client]} />
   */
  clients?: DevtoolsClients
}

export interface MCPDevtoolsProps extends MCPDevtoolsPanelProps {
  /**
   * Open the panel at the first render (before any remembered choice of the user's).
   * @defaultValue false
   */
  initialIsOpen?: boolean
  /**
   * Where the panel docks until the user moves it (the choice is remembered).
   * @defaultValue 'bottom'
   */
  position?: DevtoolsPosition
  /**
   * The keyboard shortcut that opens and closes the panel, as modifier names and a key joined by
   * `+` (`Ctrl`, `Shift`, `Alt`, `Meta`); `false` for none. Esc also closes an open panel.
   * @defaultValue 'Ctrl+Shift+M'
   * @example shortcut="Alt+D"
   */
  shortcut?: string | false
  /**
   * Names the localStorage entry (`mcp-sse-devtools:<storageKey>`) that remembers the dock's
   * position and size. Give two devtools on one page different keys to remember each apart.
   * @defaultValue 'default'
   */
  storageKey?: string
}
