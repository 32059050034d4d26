import { MCPError, type MCPSSEClient } from '@mcp-sse/core'
import type { CapabilityChoice } from '../capabilities/capabilities'
import type { InspectorBase } from '../inspector/base'
import type { ClientTaskBoard } from '../tasks/client-tasks'
import type { OriginTracker } from './origin'
import type { ServerRequestMethod, Settlement } from './store'
import { relatedTaskOf } from './types'

interface Context {
  base: InspectorBase
  session: string
  client: MCPSSEClient
  choice: CapabilityChoice
  origins: OriginTracker
  tasks: ClientTaskBoard
}

const INVALID_PARAMS = -32602

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Answers the server's requests through the core's `setRequestHandler`, for the capabilities this
 * session declared and no others: sampling and elicitation wait for the user's card, roots/list
 * answers from the roots editor, tasks/* from the task board.
 */
export function attachServerRequestHandlers(context: Context): () => void {
  const { client, choice } = context
  const { currentRoots, serverRequestActions } = context.base
  const offs: (() => void)[] = []
  if (choice.sampling) {
    offs.push(
      client.setRequestHandler('sampling/createMessage', (params, extra) =>
        ask(context, 'sampling/createMessage', params, extra),
      ),
    )
  }
  if (choice.elicitationForm || choice.elicitationUrl) {
    offs.push(
      client.setRequestHandler('elicitation/create', (params, extra) => {
        const url = params?.mode === 'url'
        if (url ? !choice.elicitationUrl : !choice.elicitationForm) {
          throw new MCPError(
            'rpc',
            `This client did not declare ${url ? 'URL' : 'form'}-mode elicitation.`,
            { rpcCode: INVALID_PARAMS },
          )
        }
        return ask(context, 'elicitation/create', params, extra)
      }),
    )
  }
  if (choice.roots) {
    offs.push(
      client.setRequestHandler('roots/list', () => ({ roots: currentRoots() })),
    )
  }
  if (choice.tasks) {
    offs.push(context.tasks.register())
    context.tasks.onCancel = (taskId) => {
      for (const r of pendingOf(context)) {
        if (r.taskId === taskId)
          serverRequestActions.withdraw(r.key, 'The server cancelled the task.')
      }
    }
  }
  return () => offs.forEach((off) => off())
}

function pendingOf({ base, session }: Context) {
  return base.useServerRequests
    .getState()
    .requests.filter((r) => r.session === session && r.state === 'pending')
}

/** Puts the request in the inbox and waits for the user; as a task, answers with the task at once. */
function ask(
  context: Context,
  method: ServerRequestMethod,
  params: Record<string, unknown> | undefined,
  extra: { signal: AbortSignal; requestId: string | number },
): Promise<Record<string, unknown>> | { task: unknown } {
  const { serverRequestActions } = context.base
  const key = `${context.session}:${String(extra.requestId)}`
  let settle: (settlement: Settlement) => void = () => {}
  const answer = new Promise<Record<string, unknown>>((resolve, reject) => {
    settle = (s) =>
      s.error === undefined ? resolve(s.result ?? {}) : reject(s.error)
  })
  const asTask = context.choice.tasks && isRecord(params?.task)
  const task = asTask
    ? context.tasks.create((params?.task as { ttl?: unknown }).ttl, answer)
    : null
  serverRequestActions.add(
    {
      key,
      session: context.session,
      method,
      requestId: extra.requestId,
      params: params ?? {},
      receivedAt: Date.now(),
      origin: context.origins.originOf(extra.requestId),
      taskId: task?.taskId ?? null,
      relatedTask: relatedTaskOf(params),
    },
    settle,
  )
  if (task !== null) {
    // Swallowed here: the failure reaches the server through tasks/result.
    answer.catch(() => {})
    return { task }
  }
  extra.signal.addEventListener('abort', () =>
    serverRequestActions.withdraw(key, 'The server cancelled this request.'),
  )
  return answer
}
