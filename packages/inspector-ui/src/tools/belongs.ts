import type { ServerRequest } from '../server-requests/store'
import type { ToolRun } from './store'

/**
 * True when a server request arrived during this tool's call, or during the task the call became:
 * the tool form then shows its card inline, right under the call.
 */
export function belongsToRun(
  request: ServerRequest,
  session: string,
  tool: string,
  run: ToolRun | undefined,
): boolean {
  if (request.session !== session) return false
  const origin = request.origin
  if (origin?.method === 'tools/call' && origin.subject === tool) return true
  const taskId = run?.taskKey?.slice(session.length + 1)
  if (taskId === undefined) return false
  return (
    request.relatedTask === taskId ||
    (origin?.method === 'tasks/result' && origin.subject === taskId)
  )
}
