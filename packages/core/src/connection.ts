import { backoffDelay } from './backoff'
import { MCPError, isMCPError } from './errors'
import {
  InboundRouter,
  type NotificationListener,
  type RequestHandler,
} from './inbound'
import {
  isNotification,
  isRequest,
  type JSONRPCMessage,
  type JSONRPCNotification,
  type JSONRPCRequest,
  type JSONRPCResponse,
} from './jsonrpc'
import type { AuthSnapshot } from './auth'
import type { MCPSSEClientOptions, RequestOptions } from './options'
import type { PendingRequest } from './pending-request'
import type { InitializeResult } from './protocol'
import { establishSession } from './establish'
import { ReadyWaiters } from './ready-waiters'
import { RequestTracker } from './request-tracker'
import { resolveOptions, type ResolvedOptions } from './resolve-options'
import { INITIAL_SNAPSHOT, type MCPClientSnapshot } from './snapshot'
import { Store } from './store'
import { createTransport } from './transport/create-transport'
import type { TransportPlan } from './transport/detect'
import type { Transport } from './transport/transport'
import type { WireListener } from './wire'
import { WireTap } from './wire-tap'

/** Failures that another attempt cannot fix: retrying would only hammer the server. */
const FATAL = [
  'unauthorized',
  'cross-origin-endpoint',
  'protocol',
  'invalid-options',
] as const

/** How long a POST that got no answer waits for the stream to tell whether the server is gone. */
const POST_FAILURE_GRACE_MS = 1000

/**
 * The connection lifecycle: open a session (stream, endpoint, initialize), keep it, recover it
 * with backoff when it drops or expires, and close it. MCP's methods live in `MCPSSEClient`.
 */
export class MCPConnection {
  protected readonly resolved: ResolvedOptions
  private readonly store = new Store<MCPClientSnapshot>(INITIAL_SNAPSHOT)
  protected readonly wire = new WireTap()
  protected readonly inbound = new InboundRouter()
  protected readonly tracker: RequestTracker
  private transport: Transport | null = null
  /** Bumped whenever the current attempt is abandoned, so its late callbacks are ignored. */
  private generation = 0
  private attempts = 0
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private connecting: Promise<InitializeResult> | null = null
  private initializeResult: InitializeResult | null = null
  private chosenPlan: TransportPlan | null = null
  private readonly ready = new ReadyWaiters()

  constructor(options: MCPSSEClientOptions) {
    this.resolved = resolveOptions(options)
    this.tracker = new RequestTracker({
      send: (message) => this.sendNow(message),
      abandon: (id) => this.transport?.abandon(id),
      onSendError: (entry, error) => this.onSendError(entry, error),
      wire: this.wire,
      defaults: {
        timeout: this.resolved.requestTimeout,
        resetTimeoutOnProgress: this.resolved.resetTimeoutOnProgress,
        maxTotalTimeout: this.resolved.maxTotalTimeout,
      },
    })
    const { auth } = this.resolved
    if (auth) {
      this.store.update({ auth: auth.getSnapshot() })
      auth.subscribe(() => this.onAuthChange(auth.getSnapshot()))
    }
  }

  /** While the provider waits for the user, the connection says so: `authorizing`. */
  private onAuthChange(auth: AuthSnapshot): void {
    const { status } = this.getSnapshot()
    const waiting = auth.status === 'authorizing'
    if (waiting && (status === 'connecting' || status === 'reconnecting'))
      this.store.update({ auth, status: 'authorizing' })
    else if (!waiting && status === 'authorizing')
      this.store.update({ auth, status: 'connecting' })
    else this.store.update({ auth })
  }

  // ——— state ———

  getSnapshot = (): MCPClientSnapshot => this.store.getSnapshot()
  subscribe = (listener: () => void): (() => void) =>
    this.store.subscribe(listener)

  get sessionId(): string | null {
    return this.store.getSnapshot().sessionId
  }

  get connected(): boolean {
    return this.store.getSnapshot().connected
  }

  /** The URL the client was given. */
  get url(): string {
    return this.resolved.url.href
  }

  /** Every wire-level event, for inspectors and debugging; returns unsubscribe. */
  onWire(listener: WireListener): () => void {
    return this.wire.listen(listener)
  }

  /** Listens for a server notification (`'*'` for all); returns unsubscribe. */
  onNotification(method: string, listener: NotificationListener): () => void {
    return this.inbound.onNotification(method, listener)
  }

  /**
   * Answers a server-to-client request (`roots/list`, `sampling/createMessage`,
   * `elicitation/create`, …); returns unsubscribe. Registering before `connect()` announces the
   * matching capability in `initialize`.
   */
  setRequestHandler(method: string, handler: RequestHandler): () => void {
    return this.inbound.setRequestHandler(method, handler)
  }

  // ——— lifecycle ———

  /** Opens the stream and initializes; resolves with the server's InitializeResult. */
  connect(): Promise<InitializeResult> {
    const { status } = this.getSnapshot()
    if (status === 'ready' && this.initializeResult)
      return Promise.resolve(this.initializeResult)
    if (this.connecting) return this.connecting
    if (status === 'reconnecting') return this.ready.wait()
    this.attempts = 0
    const attempt = this.establish('connecting')
    this.connecting = attempt
    attempt.then(
      () => this.clearConnecting(attempt),
      (error: MCPError) => {
        this.clearConnecting(attempt)
        if (error.code === 'closed') return
        this.fail(error)
      },
    )
    return attempt
  }

  /** Drops the current session and opens a new one now; requests safe to repeat carry over. */
  reconnect(): Promise<InitializeResult> {
    this.abandonCurrent(null)
    this.attempts = 0
    const ready = this.ready.wait()
    this.runReconnect()
    return ready
  }

  /**
   * Closes the connection and ends the session on the server (Streamable HTTP's DELETE); every
   * request still waiting rejects with `closed`.
   */
  async disconnect(): Promise<void> {
    this.generation++
    clearTimeout(this.retryTimer)
    const transport = this.transport
    this.transport = null
    this.connecting = null
    const error = new MCPError(
      'closed',
      'The client was disconnected; the request was not answered.',
    )
    this.tracker.rejectAll(error)
    this.inbound.abortAll()
    this.store.update({ status: 'closed', connected: false, error: null })
    this.ready.settle(error)
    await transport?.terminate()
  }

  // ——— sending ———

  /** Sends a request once the session is ready; resolves with its result. */
  request<T = Record<string, unknown>>(
    method: string,
    params?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<T> {
    const refusal = this.refusal(method)
    if (refusal) return Promise.reject(refusal)
    return this.tracker.request(method, params, options) as Promise<T>
  }

  /** Sends a notification once the session is ready. */
  async notify(
    method: string,
    params?: Record<string, unknown>,
  ): Promise<void> {
    const message: JSONRPCNotification = { jsonrpc: '2.0', method }
    if (params !== undefined) message.params = params
    await this.sendWhenReady(message)
  }

  /**
   * Sends a raw JSON-RPC message. For a request (it has an `id`), resolves with the server's whole
   * response, error responses included; otherwise resolves once the server accepted it.
   */
  sendMessage(
    message: JSONRPCRequest,
    options?: RequestOptions,
  ): Promise<JSONRPCResponse>
  sendMessage(
    message: JSONRPCNotification | JSONRPCResponse,
  ): Promise<undefined>
  sendMessage(
    message: JSONRPCMessage,
    options?: RequestOptions,
  ): Promise<JSONRPCResponse | undefined> {
    if (
      typeof message !== 'object' ||
      message === null ||
      message.jsonrpc !== '2.0'
    ) {
      return Promise.reject(
        new MCPError(
          'invalid-options',
          "sendMessage needs a JSON-RPC 2.0 message: { jsonrpc: '2.0', … }.",
        ),
      )
    }
    if (isRequest(message)) {
      const refusal = this.refusal(message.method)
      if (refusal) return Promise.reject(refusal)
      return this.tracker.requestRaw(message, options)
    }
    return this.sendWhenReady(message).then(() => undefined)
  }

  // ——— internals ———

  private refusal(method: string): MCPError | null {
    const { status, error } = this.getSnapshot()
    if (status === 'idle' || status === 'closed') {
      return new MCPError(
        'not-connected',
        `Cannot send ${method}: the client is ${status}. Call connect() first.`,
      )
    }
    if (status === 'error') {
      return new MCPError(
        'not-connected',
        `Cannot send ${method}: the connection failed (${error?.message ?? 'unknown error'}). Call connect() to try again.`,
        { cause: error },
      )
    }
    return null
  }

  private async sendWhenReady(message: JSONRPCMessage): Promise<void> {
    const method = 'method' in message ? message.method : 'a response'
    const refusal = this.refusal(method)
    if (refusal) throw refusal
    if (this.getSnapshot().status !== 'ready') await this.ready.wait()
    await this.sendNow(message)
  }

  private sendNow(message: JSONRPCMessage): Promise<void> {
    if (!this.transport) {
      return Promise.reject(
        new MCPError(
          'connection-lost',
          'The connection is down; the message was not sent.',
        ),
      )
    }
    return this.transport.send(message)
  }

  private onSendError(
    entry: PendingRequest,
    error: MCPError,
  ): 'retry' | 'reject' | 'hold' {
    if (error.code === 'session-expired' && this.resolved.reconnect.enabled) {
      // The server never saw this request, so any request may be re-sent on the new session.
      entry.sent = false
      if (this.getSnapshot().status === 'ready') this.recover(error)
      return 'retry'
    }
    if (
      error.code === 'connection-lost' &&
      entry.repeatable &&
      this.resolved.reconnect.enabled
    )
      return 'retry'
    if (
      error.code === 'network' &&
      this.resolved.reconnect.enabled &&
      this.getSnapshot().status === 'ready'
    ) {
      // A POST with no HTTP answer often means the server just died, and the stream reports the
      // drop a moment later: then the request is re-sent, or fails as connection-lost, like any
      // other in flight. If the stream stays up, the POST endpoint itself is unreachable.
      const { attempt } = entry
      setTimeout(() => {
        if (this.getSnapshot().status === 'ready') {
          this.tracker.failAttempt(entry, attempt, error)
        }
      }, POST_FAILURE_GRACE_MS)
      return 'hold'
    }
    return 'reject'
  }

  private clearConnecting(attempt: Promise<InitializeResult>): void {
    if (this.connecting === attempt) this.connecting = null
  }

  /** One attempt: find the transport (first time), open it, initialize. */
  private async establish(
    status: 'connecting' | 'reconnecting',
  ): Promise<InitializeResult> {
    const generation = ++this.generation
    clearTimeout(this.retryTimer)
    this.transport?.close()
    this.store.update({ status, connected: false })
    const isCurrent = () => generation === this.generation
    // Once a way to the server worked, reconnects go straight to it.
    const plans = this.chosenPlan ? [this.chosenPlan] : this.resolved.plans
    const { plan, transport, result } = await establishSession(
      {
        resolved: this.resolved,
        tracker: this.tracker,
        inbound: this.inbound,
        wire: this.wire,
        isCurrent,
        use: (next) => {
          this.transport = next
        },
        onDrop: (error) => this.onDrop(error),
        onSession: (opened) =>
          this.store.update({
            transport: opened.endpoint === null ? null : opened.kind,
            sessionId: opened.sessionId,
            endpoint: opened.endpoint,
          }),
        createTransport: (next, onClose) => {
          const created: Transport = createTransport(
            next,
            this.resolved,
            this.wire,
            {
              onMessage: (message) => this.route(message),
              onClose,
              onSessionChange: () => {
                if (isCurrent())
                  this.store.update({
                    sessionId: created.sessionId,
                    endpoint: created.endpoint,
                  })
              },
              onRequestLost: (id, error) => {
                if (isCurrent()) this.tracker.lost(id, error)
              },
            },
          )
          return created
        },
      },
      plans,
    )
    this.chosenPlan = plan
    this.initializeResult = result
    this.attempts = 0
    this.store.update({
      status: 'ready',
      connected: true,
      transport: transport.kind,
      sessionId: transport.sessionId,
      endpoint: transport.endpoint,
      serverInfo: result.serverInfo,
      capabilities: result.capabilities,
      protocolVersion: result.protocolVersion,
      instructions:
        typeof result.instructions === 'string' ? result.instructions : null,
      error: null,
      reconnectAttempt: 0,
    })
    this.tracker.openGate()
    this.ready.settle(result)
    return result
  }

  private route(message: JSONRPCMessage): void {
    if (isRequest(message)) {
      void this.inbound.handleRequest(message).then((response) => {
        if (response) this.sendNow(response).catch(() => {})
      })
    } else if (isNotification(message)) {
      if (message.method === 'notifications/progress')
        this.tracker.handleProgress(message.params)
      this.inbound.dispatchNotification(message)
    } else {
      this.tracker.handleResponse(message)
    }
  }

  /** The live session's stream ended or went silent. */
  private onDrop(error: MCPError): void {
    this.transport = null
    this.tracker.closeGate(error)
    if (!this.resolved.reconnect.enabled) {
      this.fail(error)
      return
    }
    this.scheduleRetry(error)
  }

  /** The server forgot our session: start a new one at once. */
  private recover(error: MCPError): void {
    this.abandonCurrent(error)
    this.store.update({ status: 'reconnecting', connected: false, error })
    this.runReconnect()
  }

  private abandonCurrent(error: MCPError | null): void {
    this.generation++
    clearTimeout(this.retryTimer)
    this.transport?.close()
    this.transport = null
    this.connecting = null
    this.tracker.closeGate(error)
  }

  private scheduleRetry(error: MCPError): void {
    clearTimeout(this.retryTimer)
    const attempt = ++this.attempts
    const options = this.resolved.reconnect
    if (attempt > options.maxRetries) {
      this.fail(
        new MCPError(
          error.code,
          `Gave up reconnecting after ${options.maxRetries} attempts. Last failure: ${error.message}`,
          { cause: error, status: error.status },
        ),
      )
      return
    }
    const delayMs = backoffDelay(attempt, options)
    this.store.update({
      status: 'reconnecting',
      connected: false,
      error,
      reconnectAttempt: attempt,
    })
    if (this.wire.active)
      this.wire.emit({ type: 'retry', attempt, delayMs, reason: error.message })
    const generation = this.generation
    this.retryTimer = setTimeout(() => {
      if (generation === this.generation) this.runReconnect()
    }, delayMs)
  }

  private runReconnect(): void {
    this.establish('reconnecting').catch((error: MCPError) => {
      if (error.code === 'closed') return
      if ((FATAL as readonly string[]).includes(error.code)) this.fail(error)
      else this.scheduleRetry(error)
    })
  }

  /** Gives up: state `error`, and every waiting request rejects with the reason. */
  private fail(failure: MCPError): void {
    // A refusal after the auth provider tried to sign in is explained by the provider.
    const authError = this.resolved.auth?.getSnapshot().error
    const error =
      failure.code === 'unauthorized' && authError ? authError : failure
    this.generation++
    clearTimeout(this.retryTimer)
    this.transport?.close()
    this.transport = null
    this.tracker.rejectAll(error)
    this.store.update({ status: 'error', connected: false, error })
    this.ready.settle(error)
  }
}
