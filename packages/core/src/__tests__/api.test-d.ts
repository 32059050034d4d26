// Type-level tests: checked by `tsc` in `pnpm typecheck`, never run. A wrong public type fails CI.
import { expectTypeOf } from 'vitest'
import {
  MCPError,
  MCPSSEClient,
  type CallToolResult,
  type ConnectionStatus,
  type InitializeResult,
  type JSONRPCResponse,
  type LoggingLevel,
  type MCPErrorCode,
  type Tool,
  type WireEvent,
} from '../index'

declare const client: MCPSSEClient

expectTypeOf(client.connect()).resolves.toEqualTypeOf<InitializeResult>()
expectTypeOf(
  client.callTool('echo', { message: 'hi' }),
).resolves.toEqualTypeOf<CallToolResult>()
expectTypeOf(client.listAllTools()).resolves.toEqualTypeOf<Tool[]>()
expectTypeOf(client.request<{ n: number }>('x/y')).resolves.toEqualTypeOf<{
  n: number
}>()
expectTypeOf(client.getSnapshot().status).toEqualTypeOf<ConnectionStatus>()
expectTypeOf(client.sessionId).toEqualTypeOf<string | null>()

// sendMessage: a request resolves with the whole response, anything else with undefined.
expectTypeOf(
  client.sendMessage({ jsonrpc: '2.0', id: 1, method: 'ping' }),
).resolves.toEqualTypeOf<JSONRPCResponse>()
expectTypeOf(
  client.sendMessage({ jsonrpc: '2.0', method: 'notifications/x' }),
).resolves.toEqualTypeOf<undefined>()

// Errors carry a closed set of codes a caller can switch on.
expectTypeOf<MCPError['code']>().toEqualTypeOf<MCPErrorCode>()
expectTypeOf<'timeout'>().toExtend<MCPErrorCode>()
expectTypeOf<'oops'>().not.toExtend<MCPErrorCode>()

// Wire events narrow on their type.
client.onWire((event: WireEvent) => {
  if (event.type === 'post')
    expectTypeOf(event.status).toEqualTypeOf<number | null>()
  if (event.type === 'retry')
    expectTypeOf(event.delayMs).toEqualTypeOf<number>()
})

expectTypeOf(client.setLoggingLevel).parameter(0).toEqualTypeOf<LoggingLevel>()

// Options are checked: a stream kind outside the union does not compile.
// @ts-expect-error 'websocket' is not a stream kind
new MCPSSEClient({ url: 'http://localhost:3001', stream: 'websocket' })
