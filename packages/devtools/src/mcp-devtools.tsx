import { Suspense } from 'react'
import { LazyShell } from './lazy'
import type { MCPDevtoolsProps } from './options'
import { useDevtoolsSource } from './use-devtools-source'

function DevelopmentDevtools({ clients, ...props }: MCPDevtoolsProps) {
  const source = useDevtoolsSource(clients)
  return (
    <Suspense fallback={null}>
      <LazyShell {...props} {...source} />
    </Suspense>
  )
}

/**
 * A floating button that opens a docked panel with your app's own MCP connections: status,
 * session, transport, the live wire log of each client, its tools (callable from a form) and list
 * changes. It reads the clients your `<MCPSSEProvider>` (or `useMCPSSE`) already holds and opens no
 * connection of its own. Renders nothing when `process.env.NODE_ENV` is `'production'`.
 *
 * @example
 * ```tsx
 * <MCPSSEProvider connections={{ docs: { url: 'http://localhost:3001/mcp' } }}>
 *   <App />
 *   <MCPDevtools />
 * </MCPSSEProvider>
 * ```
 */
export const MCPDevtools: (
  props: MCPDevtoolsProps,
) => React.JSX.Element | null =
  process.env.NODE_ENV === 'production' ? () => null : DevelopmentDevtools
