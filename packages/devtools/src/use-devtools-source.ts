import type { MCPSSEClient } from '@mcp-sse/core'
import { useMCPRegistry } from '@mcp-sse/react'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { connectionSource, type ConnectionSource } from './connections'
import type { DevtoolsClients } from './options'
import { WireRecorder } from './recorder'

// Layout effects warn during server rendering in React 18; there is nothing to record there.
const useIsomorphicLayoutEffect =
  typeof document === 'undefined' ? useEffect : useLayoutEffect

export interface DevtoolsSource {
  /** What to show: the `clients` given (kept while equal), or the nearest provider's registry. */
  readonly clients: DevtoolsClients
  /** This instance's recording of every client `clients` lists, from mount on. */
  readonly recorder: WireRecorder
}

/** Lists of clients passed inline are new arrays on every render; equal contents mean equal. */
function sameClients(
  a: DevtoolsClients | undefined,
  b: DevtoolsClients | undefined,
): boolean {
  if (a === b) return true
  if (!a || !b || 'acquire' in a || 'acquire' in b) return false
  const left: [string, MCPSSEClient][] = Object.entries(a)
  const right: [string, MCPSSEClient][] = Object.entries(b)
  return (
    left.length === right.length &&
    left.every(([k, v], i) => right[i]?.[0] === k && right[i][1] === v)
  )
}

/**
 * What one devtools instance shows, and its own recorder. Recording starts in a layout effect, which
 * runs before the passive effects in which the app's hooks acquire (and so connect) their clients:
 * the first frames of each connection are in the log.
 */
export function useDevtoolsSource(clients?: DevtoolsClients): DevtoolsSource {
  const registry = useMCPRegistry()
  const given = useRef<DevtoolsClients | undefined>(clients)
  if (!sameClients(given.current, clients)) given.current = clients
  const target = given.current ?? registry
  const [recorder] = useState(() => new WireRecorder())
  const [state, setState] = useState<{
    target: DevtoolsClients
    source: ConnectionSource
  }>(() => ({ target, source: connectionSource(target) }))
  // A new target during render: derive the new source now (React's "adjust state while rendering").
  let { source } = state
  if (state.target !== target) {
    source = connectionSource(target)
    setState({ target, source })
  }
  useIsomorphicLayoutEffect(() => recorder.start(source), [recorder, source])
  return { clients: target, recorder }
}
