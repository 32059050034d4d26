import { createContext, useContext } from 'react'
import type { Inspector } from './create'

export const InspectorContext = createContext<Inspector | null>(null)

/** The inspector instance of the nearest `<MCPInspector />` (or `<InspectorProvider>`). */
export function useInspector(): Inspector {
  const inspector = useContext(InspectorContext)
  if (inspector === null)
    throw new Error(
      'useInspector() was called outside <MCPInspector>: render this component inside one.',
    )
  return inspector
}
