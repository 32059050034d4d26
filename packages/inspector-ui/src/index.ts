// The public API: one component, the state it shows, and its style sheet.
export { MCPInspector } from './MCPInspector'
export { createInspector } from './inspector/create'
export { useInspector } from './inspector/context'
export { inspectorCss } from './styles'
export { pendingCount } from './server-requests/store'

export type { MCPInspectorProps } from './MCPInspector'
export type { Inspector, InspectorOptions } from './inspector/create'
export type { BacklogOf, InspectorClients } from './inspector/attach'
export type { Session } from './sessions/store'
export type { ConnectConfig } from './connect/config'
