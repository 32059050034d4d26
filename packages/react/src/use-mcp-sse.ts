import {
  type AuthSnapshot,
  type CallToolResult,
  type ConnectionRef,
  type ConnectionStatus,
  type Implementation,
  type InitializeResult,
  INITIAL_SNAPSHOT,
  MCPError,
  type MCPSSEClient,
  type MCPSSEClientOptions,
  type Prompt,
  type RequestOptions,
  type Resource,
  type ResourceTemplate,
  type ServerCapabilities,
  type Tool,
  type TransportKind,
} from '@mcp-sse/core'
import { useMemo, useSyncExternalStore } from 'react'
import { authActions } from './auth-actions'
import { useAuthLookup } from './connection-auth'
import { useConnection } from './use-connection'
import { useMCPCatalog } from './use-mcp-catalog'

/** Options of `useMCPSSE`: client options, or the name of a provider's connection. */
export type UseMCPSSEOptions = (
  | MCPSSEClientOptions
  | {
      /** A connection defined in the nearest `<MCPSSEProvider>`. */ connection: string
    }
) & {
  /**
   * `false` holds the connection back (a URL the user has not finished typing). Flipping it to
   * `false` later releases the connection.
   * @defaultValue true
   */
  enabled?: boolean
}

export interface UseMCPSSEResult {
  status: ConnectionStatus
  /** `status === 'ready'`. */
  connected: boolean
  sessionId: string | null
  /** How the server is reached: `'streamable-http'` or `'sse'`, once known. */
  transport: TransportKind | null
  serverInfo: Implementation | null
  capabilities: ServerCapabilities | null
  protocolVersion: string | null
  /** The connection's failure, or else the last failed list load. */
  error: MCPError | null
  /** Kept current: reloaded after every (re)connect and on the server's `list_changed`. */
  tools: readonly Tool[]
  resources: readonly Resource[]
  resourceTemplates: readonly ResourceTemplate[]
  prompts: readonly Prompt[]
  /** A list is loading. */
  loading: boolean
  /**
   * The `auth` provider's state, null without one: `status` (`'idle' | 'authorizing' |
   * 'authorized' | 'error'`), `authorizationUrl` while the user is expected to sign in,
   * `scopes` and `expiresAt` once signed in, and `error`, whose message names the step that failed.
   */
  auth: AuthSnapshot | null
  /**
   * Starts signing in. Call it from a click: browsers block popups opened outside one. Every
   * component of one connection shares one sign-in (and one popup). Resolves once signed in (and
   * connecting again, after a failed or signed-out connection); rejects with the `unauthorized`
   * `MCPError` that `auth.error` also shows.
   */
  signIn: () => Promise<void>
  /**
   * Signs out: closes the connection for every reader of it, then forgets the tokens and revokes
   * them where the server allows. `signIn()` connects again.
   */
  signOut: () => Promise<void>
  callTool: (
    name: string,
    args?: Record<string, unknown>,
    options?: RequestOptions,
  ) => Promise<CallToolResult>
  request: <T = Record<string, unknown>>(
    method: string,
    params?: Record<string, unknown>,
    options?: RequestOptions,
  ) => Promise<T>
  /** Sends a raw JSON-RPC message; for a request, resolves with the response message. */
  sendMessage: MCPSSEClient['sendMessage']
  notify: (method: string, params?: Record<string, unknown>) => Promise<void>
  /** Drops the stream and opens a new one now. */
  reconnect: () => Promise<InitializeResult>
  /** Closes the connection for every reader of it; `reconnect()` opens it again. */
  disconnect: () => Promise<void>
  /**
   * The underlying client, for everything else (`onWire`, `setRequestHandler`, resources, …);
   * `null` when the options are invalid (a URL half typed), with the reason in `error`.
   */
  client: MCPSSEClient | null
}

type Actions = Pick<
  UseMCPSSEResult,
  | 'callTool'
  | 'request'
  | 'sendMessage'
  | 'notify'
  | 'reconnect'
  | 'disconnect'
  | 'signIn'
  | 'signOut'
>

/**
 * Connects to an MCP server over HTTP + SSE and keeps its state and lists in React state.
 *
 * @example
 * ```tsx
 * const mcp = useMCPSSE('http://localhost:3001')
 * return <ul>{mcp.tools.map((tool) => <li key={tool.name}>{tool.name}</li>)}</ul>
 * ```
 */
export function useMCPSSE(target: string | UseMCPSSEOptions): UseMCPSSEResult {
  const { enabled = true, ...ref }: UseMCPSSEOptions =
    typeof target === 'string' ? { url: target } : target
  const { client, error: refused } = useConnection(
    ref as ConnectionRef,
    enabled,
  )
  const state = useSyncExternalStore(
    client?.subscribe ?? noSubscription,
    client?.getSnapshot ?? idle,
    client?.getSnapshot ?? idle,
  )
  const lists = useMCPCatalog(client)
  const findAuth = useAuthLookup(ref as ConnectionRef)
  const actions = useMemo(
    (): Actions =>
      client
        ? { ...bindActions(client), ...authActions(client, findAuth) }
        : refuseActions(refused),
    // One client has one auth provider: equal options hold the same one, by identity.
    [client, refused],
  )
  // Refused options count as a failure only once the caller wants the connection.
  const optionsError = enabled ? refused : null

  return useMemo(
    () => ({
      status: optionsError ? 'error' : state.status,
      connected: state.connected,
      sessionId: state.sessionId,
      transport: state.transport,
      serverInfo: state.serverInfo,
      capabilities: state.capabilities,
      protocolVersion: state.protocolVersion,
      error: optionsError ?? state.error ?? lists.error,
      tools: lists.tools,
      resources: lists.resources,
      resourceTemplates: lists.resourceTemplates,
      prompts: lists.prompts,
      loading: lists.loading,
      auth: state.auth,
      ...actions,
      client,
    }),
    [optionsError, state, lists, actions, client],
  )
}

const noSubscription = () => () => {}

const idle = () => INITIAL_SNAPSHOT

function bindActions(
  client: MCPSSEClient,
): Omit<Actions, 'signIn' | 'signOut'> {
  return {
    callTool: (name, args, options) => client.callTool(name, args, options),
    request: (method, params, options) =>
      client.request(method, params, options),
    // Bound rather than wrapped, to keep the overloads (a request resolves with its response).
    sendMessage: client.sendMessage.bind(client) as MCPSSEClient['sendMessage'],
    notify: (method, params) => client.notify(method, params),
    reconnect: () => client.reconnect(),
    disconnect: () => client.disconnect(),
  }
}

/** Without a client every call fails the way a closed client's would, with the reason. */
function refuseActions(refused: MCPError | null): Actions {
  const fail = () =>
    Promise.reject(
      new MCPError(
        'not-connected',
        `There is no connection: ${refused?.message ?? 'the options are invalid'}`,
        { cause: refused },
      ),
    )
  return {
    callTool: fail,
    request: fail,
    sendMessage: fail as MCPSSEClient['sendMessage'],
    notify: fail,
    reconnect: fail,
    disconnect: () => Promise.resolve(),
    signIn: fail,
    signOut: () => Promise.resolve(),
  }
}
