// The transports the endurance runs cover, with how to read the server's session count for each.
import type { MCPSSEClientOptions } from '@mcp-sse/core'
import { ENDPOINTS } from './server.ts'
import type { ServerStats } from './server.ts'

export interface EnduranceTransport {
  id: string
  title: string
  path: string
  choice: Pick<MCPSSEClientOptions, 'transport' | 'protocolVersion'>
  /** Sessions the server holds for this transport; null where it has none (stateless). */
  sessions(stats: ServerStats): number | null
  /** Whether recovery from a restart shows as a new session id. */
  sessionful: boolean
}

export const ENDURANCE_TRANSPORTS: EnduranceTransport[] = [
  {
    id: 'sse',
    title: 'HTTP+SSE',
    path: ENDPOINTS.sse,
    choice: { transport: 'sse' },
    sessions: (stats) => stats.sseStreams,
    sessionful: true,
  },
  {
    id: 'streamable-sse',
    title: 'Streamable HTTP 2025-11-25 (SSE answers)',
    path: ENDPOINTS.streamableSse,
    choice: { transport: 'streamable-http', protocolVersion: '2025-11-25' },
    sessions: (stats) => stats.streamableSessions,
    sessionful: true,
  },
  {
    id: 'stateless',
    title: '2026-07-28 (stateless)',
    path: ENDPOINTS.stateless,
    choice: { transport: 'streamable-http', protocolVersion: '2026-07-28' },
    sessions: () => null,
    sessionful: false,
  },
]
