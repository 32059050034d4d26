export { MCPAuthCallback } from './mcp-auth-callback'

export type {
  MCPAuthCallbackProps,
  MCPAuthCallbackOutcome,
} from './mcp-auth-callback'
