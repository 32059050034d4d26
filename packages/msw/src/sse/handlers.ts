import { http, type HttpHandler } from 'msw'
import { logged, preflight } from '../http.js'
import type { ServerState } from '../state.js'
import { openStream, type SSEUrls } from './open-stream.js'
import { postMessage } from './post-message.js'

/** The routes of HTTP+SSE (protocol 2024-11-05): a GET stream and a POST endpoint. */
export function createSSEHandlers(
  state: ServerState,
  urls: SSEUrls,
): HttpHandler[] {
  const post = logged(state, (request) => postMessage(state, request))
  const handlers = [
    http.get(
      urls.sse,
      logged(state, (request) => openStream(state, urls, request)),
    ),
    http.post(urls.post, post),
  ]
  const { endpoint } = state.dialect
  if (typeof endpoint === 'object') {
    // Where the hostile endpoint points: handled, so a test can see in `received` that a POST got there.
    const path = new URL(urls.post, 'http://localhost').pathname
    handlers.push(http.post(new URL(path, endpoint.crossOrigin).href, post))
  }
  if (state.options.cors !== false) {
    for (const url of [urls.sse, urls.post]) {
      handlers.push(
        http.options(
          url,
          logged(state, (request) =>
            preflight(state, request, 'GET, POST, OPTIONS'),
          ),
        ),
      )
    }
  }
  return handlers
}
