import type { AuthSnapshot } from '@mcp-sse/core'
import type { AuthEvent, AuthEventKind } from './events'
import { failedStep, STEP_HELP } from './explain'

export type StepId =
  | 'resource-metadata'
  | 'server-metadata'
  | 'registration'
  | 'authorization'
  | 'token'
  | 'scopes'
  | 'expiry'

export type StepState = 'done' | 'failed' | 'waiting' | 'skipped' | 'pending'

export interface Step {
  readonly id: StepId
  readonly label: string
  readonly state: StepState
  /** What happened, as label → value lines. */
  readonly facts: ReadonlyArray<readonly [string, string]>
  /** Requests of this step that failed before one worked (a well-known path answering 404). */
  readonly tried: readonly string[]
  /** For a failed step: what it means, then what the client said. */
  readonly explanation?: string
  readonly detail?: string
}

const LABELS: Record<StepId, string> = {
  'resource-metadata': 'Protected resource metadata',
  'server-metadata': 'Authorization server metadata',
  registration: 'Client registration',
  authorization: 'Authorization URL',
  token: 'Token exchange',
  scopes: 'Scopes granted',
  expiry: 'Expiry',
}
const ORDER = Object.keys(LABELS) as StepId[]
const REQUEST_STEPS: Partial<Record<AuthEventKind, StepId>> = {
  'resource-metadata': 'resource-metadata',
  'server-metadata': 'server-metadata',
  registration: 'registration',
  token: 'token',
}
const DISCOVERY = new Set<AuthEventKind>(['challenge', 'resource-metadata'])
const FINISHED = new Set<AuthEventKind>(['token', 'authorized', 'error'])

/** The events of the latest sign-in: from the discovery that followed the last finished one. */
export function currentAttempt(events: readonly AuthEvent[]): AuthEvent[] {
  let start = 0
  for (let i = 1; i < events.length; i++) {
    const kind = (events[i] as AuthEvent).kind
    const before = (events[i - 1] as AuthEvent).kind
    if (DISCOVERY.has(kind) && FINISHED.has(before)) start = i
  }
  return events.slice(start)
}

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString()
}

export function authorizationFacts(
  href: string,
): Array<readonly [string, string]> {
  try {
    const url = new URL(href)
    const q = url.searchParams
    return [
      ['at', `${url.origin}${url.pathname}`],
      ['client id', q.get('client_id') ?? ''],
      ['scope asked', q.get('scope') ?? '(none)'],
      ['resource', q.get('resource') ?? ''],
      ['PKCE', q.get('code_challenge_method') ?? ''],
    ]
  } catch {
    return [['at', href]]
  }
}

/**
 * The sign-in as steps, from what the inspector saw and the client's auth snapshot. A step is
 * `done` once seen to succeed, `failed` when the client's error names it (or its request
 * failed last), `waiting` while it waits for the user, `skipped` when the flow did without it
 * (a client registered earlier), `pending` when not reached.
 */
export function deriveSteps(
  events: readonly AuthEvent[],
  auth: AuthSnapshot | null,
): Step[] {
  const attempt = currentAttempt(events)
  const errorText =
    auth?.status === 'error' ? (auth.error?.message ?? null) : null
  const failure = errorText === null ? null : failedStep(errorText)
  const steps = new Map<StepId, Step>()
  const set = (id: StepId, patch: Partial<Step>) =>
    steps.set(id, {
      id,
      label: LABELS[id],
      state: 'pending',
      facts: [],
      tried: [],
      ...steps.get(id),
      ...patch,
    })

  for (const event of attempt) {
    const id = REQUEST_STEPS[event.kind]
    if (id === undefined) continue
    const previous = steps.get(id)
    if (previous?.state === 'done') continue
    const line = `${event.url ?? ''} → ${event.status ?? 'no answer'}`
    if (event.ok)
      set(id, {
        state: 'done',
        facts: [['from', event.url ?? ''], ...event.facts],
      })
    else
      set(id, {
        state: 'failed',
        tried: [...(previous?.tried ?? []), line],
        facts: event.facts,
      })
  }
  // A step whose requests failed but after which the flow went on (the 2025-03-26 fallback that
  // does without resource metadata) did not stop the sign-in.
  const reached = (id: StepId) =>
    attempt.some((e) => {
      const later = REQUEST_STEPS[e.kind]
      return later !== undefined && ORDER.indexOf(later) > ORDER.indexOf(id)
    })
  for (const step of [...steps.values()])
    if (
      step.state === 'failed' &&
      failure?.step !== step.id &&
      reached(step.id)
    )
      set(step.id, { state: 'skipped' })

  const shown = [...attempt].reverse().find((e) => e.kind === 'authorization')
  if (auth?.status === 'authorizing' && auth.authorizationUrl !== null)
    set('authorization', {
      state: 'waiting',
      facts: authorizationFacts(auth.authorizationUrl),
    })
  else if (shown !== undefined)
    set('authorization', { state: 'done', facts: shown.facts })
  if (steps.get('authorization')?.state === 'done' || steps.has('token')) {
    if (!steps.has('registration') && steps.has('server-metadata'))
      set('registration', {
        state: 'skipped',
        facts: [
          ['client', 'kept from an earlier registration, or pre-registered'],
        ],
      })
  }
  if (auth?.status === 'authorized') {
    set('scopes', {
      state: 'done',
      facts: [
        [
          'granted',
          auth.scopes.length > 0 ? auth.scopes.join(' ') : '(none named)',
        ],
      ],
    })
    const refreshed = attempt.filter((e) => e.kind === 'refresh' && e.ok).at(-1)
    set('expiry', {
      state: 'done',
      facts: [
        [
          'expires',
          auth.expiresAt === null
            ? 'not said by the server'
            : `${time(auth.expiresAt)} (in ${Math.max(0, Math.round((auth.expiresAt - Date.now()) / 60_000))} min)`,
        ],
        ...(refreshed ? [['refreshed', time(refreshed.at)] as const] : []),
      ],
    })
  }
  if (failure !== null && errorText !== null) {
    set(failure.step, {
      state: 'failed',
      explanation: STEP_HELP[failure.step],
      detail: failure.detail,
    })
  }
  return ORDER.map(
    (id) =>
      steps.get(id) ?? {
        id,
        label: LABELS[id],
        state: 'pending' as const,
        facts: [],
        tried: [],
      },
  )
}
