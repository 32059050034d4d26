import { createSessionStore, type SessionStoreOptions } from '../sessions/store'
import { createInspectorBase } from './base'

/** Options of {@link createInspector}. */
export type InspectorOptions = SessionStoreOptions

/**
 * The state of one inspector: its sessions, their logs, inputs, runs and server requests. Each
 * `<MCPInspector />` makes its own unless given one; an app that opens sessions itself (from a
 * connect form) makes one and passes it in.
 *
 * @example
 * const inspector = createInspector()
 * inspector.sessionActions.attach(client, 'docs')
 * <MCPInspector inspector={inspector} />
 */
export function createInspector(options: InspectorOptions = {}) {
  const base = createInspectorBase()
  return { ...base, ...createSessionStore(base, options) }
}

export type Inspector = ReturnType<typeof createInspector>
