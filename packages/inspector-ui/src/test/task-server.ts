import { http, HttpResponse, type RequestHandler } from 'msw'

interface Job {
  task: Record<string, unknown> & { taskId: string; status: string }
  result?: Record<string, unknown>
  done: Promise<void>
  finish: () => void
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled'])

/**
 * The tasks half of a 2025-11-25 server (`tools/call` with `task`, `tasks/get`, `tasks/result`,
 * `tasks/cancel`, `tasks/list`), answering in the POST body in front of the msw kit's Streamable
 * HTTP endpoint, which has no tasks; every other message passes on to the kit. The test moves
 * each task along with `update` and `finish`, as a server's background work would.
 */
export function createTaskServer(endpoint: string) {
  const jobs = new Map<string, Job>()
  const seen: string[] = []
  let n = 0
  const now = () => new Date().toISOString()

  function answer(id: unknown, result: Record<string, unknown>) {
    return HttpResponse.json({ jsonrpc: '2.0', id, result })
  }

  function job(params: Record<string, unknown> | undefined): Job | undefined {
    return jobs.get(String(params?.taskId))
  }

  const handlers: RequestHandler[] = [
    http.post(endpoint, async ({ request }) => {
      const message = (await request.clone().json()) as {
        id?: unknown
        method?: string
        params?: Record<string, unknown>
      }
      const { id, method, params } = message
      if (method === undefined || id === undefined) return undefined
      if (method === 'tools/call' && params?.task !== undefined) {
        seen.push(method)
        let finish = () => {}
        const done = new Promise<void>((resolve) => (finish = resolve))
        const task = {
          taskId: `task-${++n}`,
          status: 'working',
          statusMessage: `Started ${String(params.name)}`,
          createdAt: now(),
          lastUpdatedAt: now(),
          ttl: 60_000,
          pollInterval: 50,
        }
        jobs.set(task.taskId, { task, done, finish })
        return answer(id, { task })
      }
      if (!method.startsWith('tasks/')) return undefined
      seen.push(method)
      if (method === 'tasks/list')
        return answer(id, { tasks: [...jobs.values()].map((j) => j.task) })
      const found = job(params)
      if (found === undefined) {
        return HttpResponse.json({
          jsonrpc: '2.0',
          id,
          error: { code: -32602, message: `No task ${String(params?.taskId)}` },
        })
      }
      if (method === 'tasks/get') return answer(id, found.task)
      if (method === 'tasks/cancel') {
        move(found, 'cancelled', 'Cancelled on request')
        return answer(id, found.task)
      }
      await found.done
      return answer(id, {
        ...(found.result ?? { content: [] }),
        _meta: {
          'io.modelcontextprotocol/related-task': { taskId: found.task.taskId },
        },
      })
    }),
  ]

  function move(j: Job, status: string, statusMessage: string) {
    j.task = { ...j.task, status, statusMessage, lastUpdatedAt: now() }
    if (TERMINAL.has(status)) j.finish()
  }

  function latest(): Job {
    const j = [...jobs.values()].at(-1)
    if (j === undefined) throw new Error('No task has been started')
    return j
  }

  return {
    handlers,
    /** Methods of the task requests received, in order. */
    seen,
    update(status: string, statusMessage: string) {
      move(latest(), status, statusMessage)
    },
    finish(result: Record<string, unknown>) {
      const j = latest()
      j.result = result
      move(j, 'completed', 'Done')
    },
    /** A task started by another client of the same server. */
    addForeign() {
      let finish = () => {}
      const done = new Promise<void>((resolve) => (finish = resolve))
      const task = {
        taskId: `foreign-${++n}`,
        status: 'working',
        createdAt: now(),
        lastUpdatedAt: now(),
        ttl: null,
      }
      jobs.set(task.taskId, { task, done, finish })
    },
    reset() {
      for (const j of jobs.values()) j.finish()
      jobs.clear()
      seen.length = 0
    },
  }
}
