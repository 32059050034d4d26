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
  /** Aborts the pending tasks/result and the polling. */
  controller: AbortController
}

export const useServerTasks = create<{ tasks: ServerTask[] }>(() => ({
  tasks: [],
}))

export const taskKey = (session: string, taskId: string) =>
  `${session}:${taskId}`

export const serverTaskActions = {
  add(entry: ServerTask): void {
    useServerTasks.setState((s) => ({
      tasks: [entry, ...s.tasks.filter((t) => t.key !== entry.key)],
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
    serverTaskActions.patch(key, { task })
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
