import { MCPError, type CallToolResult, type MCPSSEClient } from '@mcp-sse/core'
import type { InspectorBase } from '../inspector/base'
import { taskKey } from './store'
import { isTerminal, readTask, type Task } from './types'

/** How long the inspector asks the server to keep a task (the server may keep it less). */
const TTL_MS = 10 * 60_000

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })

/**
 * Calls a tool as a task (2025-11-25 `tools/call` with `task`) and follows it: `tasks/result`
 * waits for the outcome (and carries whatever the server asks meanwhile, such as an elicitation),
 * while `tasks/get` polls the status at the server's `pollInterval`. The task-augmented call itself
 * goes through `client.request`, since `callTool` has no `task` parameter.
 */
export async function callToolAsTask(
  { serverTaskActions }: InspectorBase,
  session: { id: string; client: MCPSSEClient },
  tool: string,
  args: Record<string, unknown>,
): Promise<string> {
  const created = await session.client.request<{ task?: unknown }>(
    'tools/call',
    { name: tool, arguments: args, task: { ttl: TTL_MS } },
  )
  const task = readTask(created.task)
  if (task === null) {
    throw new MCPError(
      'protocol',
      `The server answered tools/call of ${tool} with no task (CreateTaskResult): it ran the call normally or not at all. Check the tool's execution.taskSupport.`,
    )
  }
  const key = taskKey(session.id, task.taskId)
  const controller = new AbortController()
  serverTaskActions.add({
    key,
    session: session.id,
    tool,
    task,
    startedAt: Date.now(),
    controller,
  })
  void follow(
    serverTaskActions,
    session.client,
    session.id,
    task,
    controller.signal,
  )
  return key
}

async function follow(
  serverTaskActions: InspectorBase['serverTaskActions'],
  client: MCPSSEClient,
  session: string,
  first: Task,
  signal: AbortSignal,
): Promise<void> {
  const key = taskKey(session, first.taskId)
  const result = client
    .getTaskResult<CallToolResult>(first.taskId, {
      signal,
      timeout: first.ttl ?? TTL_MS,
    })
    .then(
      (value) => serverTaskActions.patch(key, { result: value }),
      (error: unknown) => {
        if (!signal.aborted) serverTaskActions.patch(key, { error })
      },
    )
  let settled = false
  void result.finally(() => (settled = true))
  let task = first
  while (!signal.aborted) {
    await sleep(
      Math.min(5_000, Math.max(250, task.pollInterval ?? 1_000)),
      signal,
    )
    if (signal.aborted) break
    try {
      const next = readTask(await client.getTask(task.taskId, { signal }))
      if (next !== null) {
        task = next
        serverTaskActions.status(session, next)
      }
    } catch (error) {
      if (!signal.aborted) serverTaskActions.patch(key, { error })
      break
    }
    if (isTerminal(task.status) && settled) break
  }
}

/** `tasks/cancel`: the server moves the task to cancelled; the page stops following it. */
export async function cancelTask(
  { serverTaskActions, useServerTasks }: InspectorBase,
  client: MCPSSEClient,
  session: string,
  taskId: string,
): Promise<void> {
  const key = taskKey(session, taskId)
  const answer = readTask(await client.cancelTask(taskId))
  if (answer !== null) serverTaskActions.status(session, answer)
  useServerTasks
    .getState()
    .tasks.find((t) => t.key === key)
    ?.controller.abort()
}

/** `tasks/list`: tasks the server knows for this session, including ones this page did not start. */
export async function listTasks(
  { serverTaskActions }: InspectorBase,
  client: MCPSSEClient,
  session: string,
): Promise<number> {
  const page = await client.listTasks()
  const tasks = (page.tasks ?? []).map(readTask).filter((t) => t !== null)
  for (const task of tasks) serverTaskActions.status(session, task)
  return tasks.length
}
