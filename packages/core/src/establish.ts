import { connectDeadline } from './connect-deadline'
import { MCPError, isMCPError } from './errors'
import type { InboundRouter } from './inbound'
import type { ClientInterest } from './interest'
import type { JSONRPCMessage } from './jsonrpc'
import type { InitializeResult } from './protocol'
import type { RequestTracker } from './request-tracker'
import type { ResolvedOptions } from './resolve-options'
import {
  describePlan,
  noTransportError,
  rulesOutUrl,
  triesNext,
  type TransportPlan,
} from './transport/detect'
import { createTransport, handshakeFor } from './transport/create-transport'
import type { Transport } from './transport/transport'
import type { WireTap } from './wire-tap'

export interface EstablishDeps {
  resolved: ResolvedOptions
  tracker: RequestTracker
  inbound: InboundRouter
  interest: ClientInterest
  wire: WireTap
  /** Every message the server sends. */
  onMessage(message: JSONRPCMessage): void
  /** The attempt was abandoned (disconnect, reconnect) if this turns false. */
  isCurrent(): boolean
  /** The transport being opened, so the handshake's messages can be sent on it. */
  use(transport: Transport | null): void
  /** The transport knows its session id or endpoint now, or they changed. */
  onSession(transport: Transport): void
  /** The session, once open, dropped. */
  onDrop(error: MCPError): void
}

export interface Established {
  plan: TransportPlan
  transport: Transport
  result: InitializeResult
}

const abandoned = () =>
  new MCPError(
    'closed',
    'The connection attempt was abandoned: the client was disconnected or reconnected.',
  )

/**
 * One attempt to open a session: each plan in turn (transport detection) until one completes the
 * handshake, all within `connectTimeout` (not counting the time the user spends signing in). A plan that fails in a way that means "the server speaks
 * something else here" passes to the next; any other failure ends the attempt.
 */
export async function establishSession(
  deps: EstablishDeps,
  plans: readonly TransportPlan[],
): Promise<Established> {
  const { resolved, wire } = deps
  const clock = connectDeadline(resolved.connectTimeout, resolved.auth)
  const deadline = clock.promise
  const detecting = plans.length > 1
  const failures: { plan: TransportPlan; error: MCPError }[] = []
  const ruledOut = new Set<string>()
  try {
    for (const [index, plan] of plans.entries()) {
      if (!plan.modern && ruledOut.has(plan.url.href)) continue
      try {
        const established = await openPlan(deps, plan, deadline)
        if (detecting && wire.active)
          wire.emit({
            type: 'probe',
            url: plan.url.href,
            transport: plan.kind,
            ...(plan.modern && { modern: true }),
            outcome: 'ok',
          })
        return established
      } catch (caught) {
        const error = isMCPError(caught)
          ? caught
          : new MCPError('protocol', String(caught), { cause: caught })
        if (!deps.isCurrent() || error.code === 'closed') throw error
        failures.push({ plan, error })
        if (rulesOutUrl(plan, error)) ruledOut.add(plan.url.href)
        const next =
          triesNext(error) &&
          plans
            .slice(index + 1)
            .some((later) => later.modern || !ruledOut.has(later.url.href))
        if (detecting && wire.active)
          wire.emit({
            type: 'probe',
            url: plan.url.href,
            transport: plan.kind,
            ...(plan.modern && { modern: true }),
            outcome: next ? 'fallback' : 'fail',
            ...(error.status !== undefined && { status: error.status }),
            reason: next
              ? `${describePlan(plan)} answered ${error.status ?? error.code}; trying the next way.`
              : error.message,
          })
        if (!next)
          throw detecting ? noTransportError(resolved.url, failures) : error
      }
    }
    throw new MCPError('invalid-options', 'There is no transport to try.')
  } finally {
    clock.clear()
  }
}

async function openPlan(
  deps: EstablishDeps,
  plan: TransportPlan,
  deadline: Promise<never>,
): Promise<Established> {
  const { resolved, tracker, inbound } = deps
  // A drop before the session is ready fails this attempt; only a drop after it is the
  // connection's to handle.
  let opening = true
  let failOpening: (error: MCPError) => void = () => {}
  const dropped = new Promise<never>((_, reject) => {
    failOpening = reject
  })
  dropped.catch(() => {})
  const { interest } = deps
  const transport: Transport = createTransport(plan, {
    options: resolved,
    wire: deps.wire,
    client: {
      clientInfo: resolved.clientInfo,
      capabilities: () => inbound.announce(resolved.capabilities),
      logLevel: () => interest.logLevel,
    },
    interest,
    events: {
      onMessage: (message) => deps.onMessage(message),
      onClose: (error) => {
        if (!deps.isCurrent()) return
        if (opening) failOpening(error)
        else deps.onDrop(error)
      },
      onSessionChange: () => {
        if (deps.isCurrent()) deps.onSession(transport)
      },
      onRequestLost: (id, error) => {
        if (deps.isCurrent()) tracker.lost(id, error)
      },
    },
  })
  deps.use(transport)
  try {
    await Promise.race([transport.start(), deadline, dropped])
    if (!deps.isCurrent()) throw abandoned()
    deps.onSession(transport)
    const result = await handshakeFor(plan)({
      transport,
      tracker,
      protocolVersion: plan.modern
        ? resolved.modernVersion
        : resolved.protocolVersion,
      clientInfo: resolved.clientInfo,
      capabilities: inbound.announce(resolved.capabilities),
      // The attempt's deadline bounds the handshake, and it pauses while the user signs in.
      timeout: Infinity,
      step: async (work) => {
        const value = await Promise.race([work, deadline, dropped])
        if (!deps.isCurrent()) throw abandoned()
        return value
      },
      onSession: () => deps.onSession(transport),
    })
    opening = false
    return { plan, transport, result }
  } catch (error) {
    if (deps.isCurrent()) {
      transport.close()
      deps.use(null)
      // Only the handshake's request can be in flight here; it must not outlive its attempt.
      tracker.closeGate(isMCPError(error) ? error : null)
    }
    throw error
  }
}
