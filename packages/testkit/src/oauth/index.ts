export { startAuthorizationServer } from './authorization-server'
export { startProtectedMcpServer } from './protected-mcp-server'
export { followAuthorization } from './approve'

export type {
  AuthorizationServerOptions,
  RunningAuthorizationServer,
} from './authorization-server'
export type {
  ProtectedMcpServerOptions,
  RunningProtectedMcpServer,
} from './protected-mcp-server'
