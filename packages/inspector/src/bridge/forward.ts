import {
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import { BASE_HEADERS, refuse } from '../reply'
import { forwardedRequestHeaders, forwardedResponseHeaders } from './headers'
import type { CheckedTarget } from './target'

/** Connects to the address that was checked, whatever a second DNS answer would say. */
function pinnedLookup(target: CheckedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      callback(null, [{ address: target.address, family: target.family }])
    } else {
      callback(null, target.address, target.family)
    }
  }
}

/**
 * Forwards one request to `target` and its answer back, bodies piped both ways as they flow: an
 * SSE stream reaches the page frame by frame, and a POST body reaches the server unread.
 */
export function forward(
  req: IncomingMessage,
  res: ServerResponse,
  target: CheckedTarget,
): void {
  const { url } = target
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  const upstream = send(url, {
    method: req.method,
    headers: forwardedRequestHeaders(req.headers, url.host),
    lookup: pinnedLookup(target),
  })
  // The page went away (tab closed, request aborted): end the server's side too.
  res.once('close', () => {
    if (!res.writableFinished) upstream.destroy()
  })
  upstream.once('response', (answer) => {
    res.writeHead(answer.statusCode ?? 502, {
      ...forwardedResponseHeaders(answer.headers),
      ...BASE_HEADERS,
      // Whatever the server sends is never a page on the launcher's origin.
      'Content-Security-Policy': 'sandbox',
    })
    res.flushHeaders()
    answer.pipe(res)
    answer.once('error', () => res.destroy())
  })
  upstream.once('error', (error: NodeJS.ErrnoException) => {
    if (res.headersSent) {
      res.destroy()
      return
    }
    refuse(
      res,
      502,
      `The bridge could not reach ${url.origin}: ${error.code ?? error.message}. Is the server running there?`,
    )
  })
  req.pipe(upstream)
}
