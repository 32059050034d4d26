import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { InspectorContext } from '../inspector/context'
import { createInspector } from '../inspector/create'

/**
 * The inspector the panel tests render and look into; `useNetwork()` resets it after each test.
 * Its stores are made once for the file, like a page's.
 */
export const inspector = createInspector()
export const {
  flush,
  ingest,
  logActions,
  logModel,
  useLogStore,
  sessionActions,
  useSessions,
} = inspector

/** Renders a panel inside the test inspector. */
export function renderIn(node: ReactNode) {
  return render(
    <InspectorContext.Provider value={inspector}>
      {node}
    </InspectorContext.Provider>,
  )
}
