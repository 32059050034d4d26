import { Suspense } from 'react'
import { LazyEmbeddedPanel } from './lazy'
import type { MCPDevtoolsPanelProps } from './options'
import { useDevtoolsSource } from './use-devtools-source'

function DevelopmentPanel({ clients }: MCPDevtoolsPanelProps) {
  const source = useDevtoolsSource(clients)
  return (
    <Suspense fallback={null}>
      <LazyEmbeddedPanel {...source} />
    </Suspense>
  )
}

/**
 * The devtools' content without the button and the dock, for a place of your own (a route, a
 * drawer, the `@tanstack/react-devtools` plugin). Renders nothing in production.
 *
 * @example <MCPDevtoolsPanel clients={[client]} />
 */
export const MCPDevtoolsPanel: (
  props: MCPDevtoolsPanelProps,
) => React.JSX.Element | null =
  process.env.NODE_ENV === 'production' ? () => null : DevelopmentPanel
