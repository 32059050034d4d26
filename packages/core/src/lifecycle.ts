import { RetrySchedule } from './backoff'
import { MCPError } from './errors'
import { InboundRouter } from './inbound'
import { ClientInterest } from './interest'
import type { JSONRPCMessage } from './jsonrpc'
import type { MCPSSEClientOptions } from './options'
import type { PendingRequest } from './pending-request'
import type { InitializeResult } from './protocol'
import { establishSession } from './establish'
import {
  gaveUpReconnecting,
  onSendFailure,
  worthRetrying,
} from './failure-policy'
import { authPatch } from './auth'
import { ReadyWaiters } from './ready-waiters'
import { RequestTracker } from './request-tracker'
import { resolveOptions, type ResolvedOptions } from './resolve-options'
import {
  INITIAL_SNAPSHOT,
  readyPatch,
  sessionPatch,
  type MCPClientSnapshot,
} from './snapshot'
import { Store } from './store'
import { routeMessage } from './route'
import type { TransportPlan } from './transport/detect'
import { plansFor, rememberPlan } from './transport/remembered-ways'
import type { Transport } from './transport/transport'
import { WireTap } from './wire-tap'

/**
 * The connection lifecycle: open a session (find the transport, open it, initialize), keep it,
 * recover it with backoff when it drops or expires, and close it. Sending lives in `MCPConnection`,
 * MCP's methods in `MCPSSEClient`.
 */
export class ConnectionLifecycle {
  protected readonly resolved: ResolvedOptions
  readonly #store = new Store<MCPClientSnapshot>(INITIAL_SNAPSHOT)
  protected readonly wire = new WireTap()
  protected readonly inbound = new InboundRouter()
  /** What the client asked of the server that a stateless server cannot keep for it. */
  protected readonly interest = new ClientInterest(this.inbound)
  protected readonly tracker: RequestTracker
  #transport: Transport | null = null
  /** Bumped whenever the current attempt is abandoned, so its late callbacks are ignored. */
  #generation = 0
  readonly #retries: RetrySchedule
  #connecting: Promise<InitializeResult> | null = null
  #initializeResult: InitializeResult | null = null
  #chosenPlan: TransportPlan | null = null
  protected readonly ready = new ReadyWaiters()

  constructor(options: MCPSSEClientOptions) {
    this.resolved = resolveOptions(options)
    this.#retries = new RetrySchedule(this.resolved.reconnect)
    this.tracker = new RequestTracker({
      send: (message) => this.sendNow(message),
      abandon: (id) => this.#transport?.abandon(id),
      onSendError: (entry, error) => this.#onSendError(entry, error),
      wire: this.wire,
      defaults: {
        timeout: this.resolved.requestTimeout,
        resetTimeoutOnProgress: this.resolved.resetTimeoutOnProgress,
        maxTotalTimeout: this.resolved.maxTotalTimeout,
      },
    })
    const { auth } = this.resolved
    if (auth) {
      this.#store.update({ auth: auth.getSnapshot() })
      auth.subscribe(() =>
        this.#store.update(
          authPatch(auth.getSnapshot(), this.getSnapshot().status),
        ),
      )
    }
  }

  // ——— state ———

  getSnapshot = (): MCPClientSnapshot => this.#store.getSnapshot()
  subscribe = (listener: () => void): (() => void) =>
    this.#store.subscribe(listener)

  get sessionId(): string | null {
    return this.#store.getSnapshot().sessionId
  }

  get connected(): boolean {
    return this.#store.getSnapshot().connected
  }

  /** The URL the client was given. */
  get url(): string {
    return this.resolved.url.href
  }

  // ——— lifecycle ———

  /** Opens the stream and initializes; resolves with the server's InitializeResult. */
  connect(): Promise<InitializeResult> {
    const { status } = this.getSnapshot()
    if (status === 'ready' && this.#initializeResult)
      return Promise.resolve(this.#initializeResult)
    if (this.#connecting) return this.#connecting
    if (status === 'reconnecting') return this.ready.wait()
    this.#retries.reset()
    const attempt = this.#establish('connecting')
    this.#connecting = attempt
    attempt.then(
      () => this.#clearConnecting(attempt),
      (error: MCPError) => {
        this.#clearConnecting(attempt)
        if (error.code === 'closed') return
        this.#fail(error)
      },
    )
    return attempt
  }

  /** Drops the current session and opens a new one now; requests safe to repeat carry over. */
  reconnect(): Promise<InitializeResult> {
    this.#abandonCurrent(null)
    this.#retries.reset()
    const ready = this.ready.wait()
    this.#runReconnect()
    return ready
  }

  /**
   * Closes the connection and ends the session on the server (Streamable HTTP's DELETE); every
   * request still waiting rejects with `closed`.
   */
  async disconnect(): Promise<void> {
    this.#generation++
    this.#retries.cancel()
    const transport = this.#transport
    this.#transport = null
    this.#connecting = null
    const error = new MCPError(
      'closed',
      'The client was disconnected; the request was not answered.',
    )
    this.tracker.rejectAll(error)
    this.inbound.abortAll()
    this.#store.update({ status: 'closed', connected: false, error: null })
    this.ready.settle(error)
    await transport?.terminate()
  }

  // ——— internals ———

  protected sendNow(message: JSONRPCMessage): Promise<void> {
    if (!this.#transport) {
      return Promise.reject(
        new MCPError(
          'connection-lost',
          'The connection is down; the message was not sent.',
        ),
      )
    }
    return this.#transport.send(message)
  }

  #onSendError(
    entry: PendingRequest,
    error: MCPError,
  ): 'retry' | 'reject' | 'hold' {
    return onSendFailure(entry, error, {
      reconnectEnabled: this.resolved.reconnect.enabled,
      ready: () => this.getSnapshot().status === 'ready',
      recover: (cause) => this.#recover(cause),
      failAttempt: (failed, attempt, cause) =>
        this.tracker.failAttempt(failed, attempt, cause),
    })
  }

  #clearConnecting(attempt: Promise<InitializeResult>): void {
    if (this.#connecting === attempt) this.#connecting = null
  }

  /** One attempt: find the transport (first time), open it, initialize. */
  async #establish(
    status: 'connecting' | 'reconnecting',
  ): Promise<InitializeResult> {
    const generation = ++this.#generation
    this.#retries.cancel()
    this.#transport?.close()
    this.#store.update({ status, connected: false })
    const isCurrent = () => generation === this.#generation
    // Once a way to the server worked, reconnects go straight to it.
    const plans = this.#chosenPlan
      ? [this.#chosenPlan]
      : plansFor(this.resolved)
    const { plan, transport, result } = await establishSession(
      {
        resolved: this.resolved,
        tracker: this.tracker,
        inbound: this.inbound,
        interest: this.interest,
        wire: this.wire,
        isCurrent,
        use: (next) => {
          this.#transport = next
        },
        onMessage: (message) =>
          routeMessage(message, this.inbound, this.tracker, (response) =>
            this.sendNow(response),
          ),
        onDrop: (error) => this.#onDrop(error),
        onSession: (opened) => this.#store.update(sessionPatch(opened)),
      },
      plans,
    ).catch((error: MCPError) => {
      throw this.#explain(error)
    })
    this.#chosenPlan = plan
    rememberPlan(this.resolved, plan)
    this.#initializeResult = result
    this.#retries.reset()
    this.#store.update(readyPatch(transport, result))
    this.tracker.openGate()
    this.ready.settle(result)
    return result
  }

  /** The live session's stream ended or went silent. */
  #onDrop(error: MCPError): void {
    this.#transport = null
    this.tracker.closeGate(error)
    if (!this.resolved.reconnect.enabled) {
      this.#fail(error)
      return
    }
    this.#scheduleRetry(error)
  }

  /** The server forgot our session: start a new one at once. */
  #recover(error: MCPError): void {
    this.#abandonCurrent(error)
    this.#store.update({ status: 'reconnecting', connected: false, error })
    this.#runReconnect()
  }

  #abandonCurrent(error: MCPError | null): void {
    this.#generation++
    this.#retries.cancel()
    this.#transport?.close()
    this.#transport = null
    this.#connecting = null
    this.tracker.closeGate(error)
  }

  #scheduleRetry(error: MCPError): void {
    const generation = this.#generation
    const planned = this.#retries.next(() => {
      if (generation === this.#generation) this.#runReconnect()
    })
    if (!planned) {
      this.#fail(gaveUpReconnecting(error, this.resolved.reconnect.maxRetries))
      return
    }
    const { attempt, delayMs } = planned
    this.#store.update({
      status: 'reconnecting',
      connected: false,
      error,
      reconnectAttempt: attempt,
    })
    if (this.wire.active)
      this.wire.emit({ type: 'retry', attempt, delayMs, reason: error.message })
  }

  #runReconnect(): void {
    this.#establish('reconnecting').catch((error: MCPError) => {
      if (error.code === 'closed') return
      if (worthRetrying(error)) this.#scheduleRetry(error)
      else this.#fail(error)
    })
  }

  /** A refusal after the auth provider tried to sign in is explained by the provider. */
  #explain(failure: MCPError): MCPError {
    const authError = this.resolved.auth?.getSnapshot().error
    return failure.code === 'unauthorized' && authError ? authError : failure
  }

  #fail(failure: MCPError): void {
    const error = this.#explain(failure)
    this.#generation++
    this.#retries.cancel()
    this.#transport?.close()
    this.#transport = null
    this.tracker.rejectAll(error)
    this.#store.update({ status: 'error', connected: false, error })
    this.ready.settle(error)
  }
}
