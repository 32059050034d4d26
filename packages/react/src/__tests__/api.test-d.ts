// Type-level tests: checked by `tsc` in `pnpm typecheck`, never run. A wrong public type fails CI.
import type {
  CallToolResult,
  ConnectionStatus,
  MCPError,
  MCPSSEClient,
  Tool,
} from '@mcp-sse/core'
import { useMCPSSE, type UseMCPSSEResult } from '@mcp-sse/react'
import { mcpQueryKeys, useMCPCallTool, useMCPTools } from '@mcp-sse/react/query'
import { expectTypeOf } from 'vitest'

expectTypeOf(useMCPSSE).parameter(0).toExtend<string | object>()
expectTypeOf(
  useMCPSSE('http://localhost:3001'),
).toEqualTypeOf<UseMCPSSEResult>()

declare const mcp: UseMCPSSEResult
expectTypeOf(mcp.status).toEqualTypeOf<ConnectionStatus>()
expectTypeOf(mcp.tools).toEqualTypeOf<readonly Tool[]>()
expectTypeOf(mcp.error).toEqualTypeOf<MCPError | null>()
expectTypeOf(mcp.client).toEqualTypeOf<MCPSSEClient | null>()
expectTypeOf(mcp.callTool('echo', {})).resolves.toEqualTypeOf<CallToolResult>()

// A provider connection by name, or client options: nothing else.
useMCPSSE({ connection: 'docs' })
useMCPSSE({ url: 'http://localhost:3001', enabled: false })
// @ts-expect-error a url or a connection name is required
useMCPSSE({ enabled: true })

// Query keys are namespaced per connection.
expectTypeOf(mcpQueryKeys('docs').tools).toExtend<readonly unknown[]>()
expectTypeOf(useMCPTools('docs').data).toEqualTypeOf<Tool[] | undefined>()
expectTypeOf(useMCPCallTool('docs').cancel).toBeFunction()
