import { http, HttpResponse, type HttpHandler } from 'msw'
import { eraOf } from '../era.js'
import { corsHeaders, logged, preflight } from '../http.js'
import type { ServerState } from '../state.js'
import { httpError } from '../streamable-http/checks.js'
import { handleDelete } from '../streamable-http/delete.js'
import { handleGet } from '../streamable-http/get.js'
import { handlePost } from '../streamable-http/post.js'
import { handleModernPost } from './post.js'

function notAllowed(state: ServerState, request: Request): Response {
  return new HttpResponse('Method Not Allowed', {
    status: 405,
    headers: { ...corsHeaders(state, request), Allow: 'POST' },
  })
}

/**
 * The MCP endpoint of a 2026-07-28 server: POST only (GET and DELETE answer 405, as the
 * revision says to older clients). A dual-era server also serves the 2025 era there: each
 * POST goes to the era `eraOf` names, and GET and DELETE are the 2025 era's.
 */
export function createModernHandlers(
  state: ServerState,
  mcpUrl: string,
  dual: boolean,
): HttpHandler[] {
  const post = async (request: Request): Promise<Response> => {
    const type = request.headers.get('content-type') ?? ''
    if (!type.toLowerCase().includes('application/json')) {
      return httpError(
        415,
        'Unsupported Media Type: Content-Type must be application/json',
        corsHeaders(state, request),
      )
    }
    let body: unknown
    try {
      // A clone: the 2025-era handler reads the body again.
      body = JSON.parse(await request.clone().text())
    } catch {
      return httpError(400, 'Parse error', corsHeaders(state, request), -32700)
    }
    if (dual && eraOf(body, request) === 'legacy')
      return handlePost(state, request)
    return handleModernPost(state, request, body)
  }
  const handlers = [
    http.post(mcpUrl, logged(state, post)),
    http.get(
      mcpUrl,
      logged(state, (request) =>
        dual ? handleGet(state, request) : notAllowed(state, request),
      ),
    ),
    http.delete(
      mcpUrl,
      logged(state, (request) =>
        dual ? handleDelete(state, request) : notAllowed(state, request),
      ),
    ),
  ]
  if (state.options.cors !== false) {
    handlers.push(
      http.options(
        mcpUrl,
        logged(state, (request) =>
          preflight(
            state,
            request,
            dual ? 'GET, POST, DELETE, OPTIONS' : 'POST, OPTIONS',
          ),
        ),
      ),
    )
  }
  return handlers
}
