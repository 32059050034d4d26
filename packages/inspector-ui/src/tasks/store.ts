import type { CallToolResult } from '@mcp-sse/core'
import { create } from 'zustand'
import type { Task } from './types'

/** A task the inspector asked a server to run (a tool called as a task), or one tasks/list named. */
export interface ServerTask {
  /** `s1:<taskId>`. */
  key: string
  session: string
  /** The tool it runs; null for a task found by tasks/list that this page did not start. */
  tool: string | null
  task: Task
  startedAt: number
  result?: CallToolResult
  error?: unknown
  /** Each status the task was seen in, with its message, oldest first. */
  history: { status: string; message: string | undefined; at: number }[]
  /** Aborts the pending tasks/result and the polling. */
  controller: AbortController
}

function step(task: Task): ServerTask['history'][number] {
  return { status: task.status, message: task.statusMessage, at: Date.now() }
}

export const taskKey = (session: string, taskId: string) =>
  `${session}:${taskId}`

/** Tasks this inspector instance asked servers to run. */
export function createServerTaskStore() {
  const useServerTasks = create<{ tasks: ServerTask[] }>(() => ({
    tasks: [],
  }))

  const serverTaskActions = {
    add(
      entry: Omit<ServerTask, 'history'> & Partial<Pick<ServerTask, 'history'>>,
    ): void {
      const full: ServerTask = { history: [step(entry.task)], ...entry }
      useServerTasks.setState((s) => ({
        tasks: [full, ...s.tasks.filter((t) => t.key !== entry.key)],
      }))
    },
    patch(key: string, patch: Partial<ServerTask>): void {
      useServerTasks.setState((s) => ({
        tasks: s.tasks.map((t) => (t.key === key ? { ...t, ...patch } : t)),
      }))
    },
    /** A newer view of the task (tasks/get, notifications/tasks/status, tasks/list). */
    status(session: string, task: Task): void {
      const key = taskKey(session, task.taskId)
      const known = useServerTasks.getState().tasks.find((t) => t.key === key)
      if (known === undefined) {
        serverTaskActions.add({
          key,
          session,
          tool: null,
          task,
          startedAt: Date.now(),
          history: [step(task)],
          controller: new AbortController(),
        })
        return
      }
      // Out-of-order answers must not move a finished task back to working.
      if (
        task.lastUpdatedAt !== '' &&
        task.lastUpdatedAt < known.task.lastUpdatedAt
      )
        return
      const last = known.history.at(-1)
      const moved =
        last?.status !== task.status || last.message !== task.statusMessage
      serverTaskActions.patch(key, {
        task,
        ...(moved && { history: [...known.history, step(task)] }),
      })
    },
    clearFinished(session: string): void {
      useServerTasks.setState((s) => ({
        tasks: s.tasks.filter(
          (t) =>
            t.session !== session ||
            !['completed', 'failed', 'cancelled'].includes(t.task.status),
        ),
      }))
    },
    reset(): void {
      for (const t of useServerTasks.getState().tasks) t.controller.abort()
      useServerTasks.setState({ tasks: [] })
    },
  }
  return { useServerTasks, serverTaskActions }
}
