import { MCPError, type MCPSSEClient } from '@mcp-sse/core'
import type { Task, TaskStatus } from './types'
import { isTerminal } from './types'

interface Entry {
  task: Task
  result?: Record<string, unknown>
  error?: Error
  /** Resolves once the task reaches a terminal status. */
  done: Promise<void>
  finish: () => void
}

const RELATED = 'io.modelcontextprotocol/related-task'

let counter = 0

/**
 * The tasks a server asked this client to run (2025-11-25: a `sampling/createMessage` or
 * `elicitation/create` with `task`). The client is the receiver: it answers `tasks/get`,
 * `tasks/result`, `tasks/list` and `tasks/cancel` from what the user did with the card.
 */
export class ClientTaskBoard {
  private readonly entries = new Map<string, Entry>()
  private readonly listeners = new Set<() => void>()
  /** Bumped on every change: the snapshot `useSyncExternalStore` compares. */
  version = 0

  constructor(private readonly client: MCPSSEClient) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  list(): Task[] {
    return [...this.entries.values()].map((e) => e.task)
  }

  /** Starts a task for a request that waits on the user; it resolves when `answer` settles. */
  create(ttl: unknown, answer: Promise<Record<string, unknown>>): Task {
    const now = new Date().toISOString()
    const task: Task = {
      taskId: `inspector-task-${++counter}`,
      status: 'input_required',
      statusMessage: 'Waiting for the user to answer in the inspector.',
      createdAt: now,
      lastUpdatedAt: now,
      ttl: typeof ttl === 'number' ? ttl : null,
      pollInterval: 1000,
    }
    let finish = () => {}
    const done = new Promise<void>((resolve) => (finish = resolve))
    const entry: Entry = { task, done, finish }
    this.entries.set(task.taskId, entry)
    answer.then(
      (result) => {
        entry.result = result
        this.move(entry, 'completed', 'Answered by the user.')
      },
      (error: unknown) => {
        entry.error = error instanceof Error ? error : new Error(String(error))
        this.move(entry, 'failed', entry.error.message)
      },
    )
    this.changed()
    return task
  }

  /** The handlers for `tasks/*` from the server. */
  register(): () => void {
    const offs = [
      this.client.setRequestHandler('tasks/get', (params) => ({
        ...this.find(params).task,
      })),
      this.client.setRequestHandler('tasks/result', async (params, extra) => {
        const entry = this.find(params)
        await Promise.race([
          entry.done,
          new Promise((resolve) =>
            extra.signal.addEventListener('abort', resolve),
          ),
        ])
        if (entry.error !== undefined) throw entry.error
        if (entry.task.status === 'cancelled') {
          throw new MCPError(
            'rpc',
            `Task ${entry.task.taskId} was cancelled.`,
            {
              rpcCode: -32603,
            },
          )
        }
        return {
          ...entry.result,
          _meta: { [RELATED]: { taskId: entry.task.taskId } },
        }
      }),
      this.client.setRequestHandler('tasks/list', () => ({
        tasks: this.list(),
      })),
      this.client.setRequestHandler('tasks/cancel', (params) => {
        const entry = this.find(params)
        if (isTerminal(entry.task.status)) {
          throw new MCPError(
            'rpc',
            `Task ${entry.task.taskId} already ended (${entry.task.status}).`,
            { rpcCode: -32602 },
          )
        }
        this.move(entry, 'cancelled', 'Cancelled by the server.')
        this.onCancel?.(entry.task.taskId)
        return { ...entry.task }
      }),
    ]
    return () => offs.forEach((off) => off())
  }

  /** Called when the server cancels a task, so its card can be withdrawn. */
  onCancel: ((taskId: string) => void) | undefined

  private find(params: Record<string, unknown> | undefined): Entry {
    const id = params?.taskId
    const entry = typeof id === 'string' ? this.entries.get(id) : undefined
    if (entry === undefined) {
      throw new MCPError('rpc', `No task ${String(id)} on this client.`, {
        rpcCode: -32602,
      })
    }
    return entry
  }

  private move(entry: Entry, status: TaskStatus, message: string): void {
    if (isTerminal(entry.task.status)) return
    entry.task = {
      ...entry.task,
      status,
      statusMessage: message,
      lastUpdatedAt: new Date().toISOString(),
    }
    if (isTerminal(status)) entry.finish()
    this.changed()
    // Optional in the spec, and cheap: tell the server at once rather than at its next poll.
    this.client
      .notify('notifications/tasks/status', { ...entry.task })
      .catch(() => {})
  }

  private changed(): void {
    this.version++
    for (const listener of [...this.listeners]) listener()
  }
}
