import type { IncomingMessage, ServerResponse } from 'node:http'
import { refuse } from '../reply'
import { forward } from './forward'
import { checkTarget, TargetRefused, type BridgePolicy } from './target'

/** `/bridge?target=<url>`: checks the target against the policy, then forwards to it. */
export async function handleBridge(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  policy: BridgePolicy,
): Promise<void> {
  if (!['GET', 'POST', 'DELETE', 'HEAD'].includes(req.method ?? '')) {
    refuse(res, 405, 'The bridge forwards GET, POST, DELETE and HEAD.', {
      Allow: 'GET, POST, DELETE, HEAD',
    })
    return
  }
  try {
    forward(req, res, await checkTarget(url.searchParams.get('target'), policy))
  } catch (error) {
    if (!(error instanceof TargetRefused)) throw error
    refuse(res, 403, `Refused: ${error.message}`)
  }
}
