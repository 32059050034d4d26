import { http, type HttpHandler } from 'msw'
import { logged, preflight } from '../http.js'
import type { ServerState } from '../state.js'
import { handleDelete } from './delete.js'
import { handleGet } from './get.js'
import { handlePost } from './post.js'

/** The routes of Streamable HTTP (protocols 2025-03-26 to 2025-11-25): one MCP endpoint. */
export function createStreamableHTTPHandlers(
  state: ServerState,
  mcpUrl: string,
): HttpHandler[] {
  const handlers = [
    http.post(
      mcpUrl,
      logged(state, (request) => handlePost(state, request)),
    ),
    http.get(
      mcpUrl,
      logged(state, (request) => handleGet(state, request)),
    ),
    http.delete(
      mcpUrl,
      logged(state, (request) => handleDelete(state, request)),
    ),
  ]
  if (state.options.cors !== false) {
    handlers.push(
      http.options(
        mcpUrl,
        logged(state, (request) =>
          preflight(state, request, 'GET, POST, DELETE, OPTIONS'),
        ),
      ),
    )
  }
  return handlers
}
