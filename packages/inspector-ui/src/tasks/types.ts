/** A task as 2025-11-25 defines it (`tasks/get`, `notifications/tasks/status`). */
export type TaskStatus =
  'working' | 'input_required' | 'completed' | 'failed' | 'cancelled'

export interface Task {
  taskId: string
  status: TaskStatus
  statusMessage?: string
  createdAt: string
  lastUpdatedAt: string
  ttl: number | null
  pollInterval?: number
}

const TERMINAL: ReadonlySet<string> = new Set([
  'completed',
  'failed',
  'cancelled',
])

export function isTerminal(status: string): boolean {
  return TERMINAL.has(status)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A `Task` from a server's answer, or null when it is not one. */
export function readTask(value: unknown): Task | null {
  if (!isRecord(value)) return null
  if (typeof value.taskId !== 'string' || typeof value.status !== 'string')
    return null
  return {
    taskId: value.taskId,
    status: value.status as TaskStatus,
    ...(typeof value.statusMessage === 'string' && {
      statusMessage: value.statusMessage,
    }),
    createdAt: typeof value.createdAt === 'string' ? value.createdAt : '',
    lastUpdatedAt:
      typeof value.lastUpdatedAt === 'string' ? value.lastUpdatedAt : '',
    ttl: typeof value.ttl === 'number' ? value.ttl : null,
    ...(typeof value.pollInterval === 'number' && {
      pollInterval: value.pollInterval,
    }),
  }
}
