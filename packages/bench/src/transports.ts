// The transports the request benchmark runs, each with its endpoint on the bench server and the
// clients that speak it: the floor first (the ratios divide by it), ours pinned, ours with
// `transport: 'auto'` (connect only), then the official clients.
import {
  floorClient,
  statelessFloorClient,
  streamableFloorClient,
} from './clients/floor.ts'
import { oursClient } from './clients/ours.ts'
import { sdkSseClient, sdkStreamableClient } from './clients/sdk.ts'
import {
  sdkV2SseClient,
  sdkV2StatelessClient,
  sdkV2StreamableClient,
} from './clients/sdk-v2.ts'
import type { BenchClient } from './clients/types.ts'
import { ENDPOINTS } from './server.ts'

export type TransportId =
  'sse' | 'streamable-sse' | 'streamable-json' | 'stateless'

export interface TransportCase {
  id: TransportId
  title: string
  /** Path on the bench server. */
  path: string
  clients: BenchClient[]
  /** What the `auto` row's connect does that the pinned one does not. */
  autoNote: string
}

const OURS = '@mcp-sse/core'

const streamable2025 = (
  id: TransportId,
  title: string,
  path: string,
): TransportCase => ({
  id,
  title,
  path,
  clients: [
    streamableFloorClient,
    oursClient(`${OURS} (pinned 2025-11-25)`, {
      transport: 'streamable-http',
      protocolVersion: '2025-11-25',
    }),
    oursClient(`${OURS} (auto)`, { transport: 'auto' }, true),
    sdkStreamableClient,
    sdkV2StreamableClient,
  ],
  autoNote:
    '`auto` first POSTs `server/discover` (2026-07-28), which a 2025 server refuses with 400, then initializes.',
})

export const TRANSPORT_CASES: TransportCase[] = [
  {
    id: 'sse',
    title: 'HTTP+SSE (2024-11-05)',
    path: ENDPOINTS.sse,
    clients: [
      floorClient,
      oursClient(`${OURS} (pinned sse)`, { transport: 'sse' }),
      oursClient(`${OURS} (auto)`, { transport: 'auto' }, true),
      sdkSseClient,
      sdkV2SseClient,
    ],
    autoNote:
      'Every client is given the stream URL (…/sse); `auto` takes a URL ending in `/sse` as HTTP+SSE without probing, so both rows do the same work.',
  },
  streamable2025(
    'streamable-sse',
    'Streamable HTTP (2025-11-25, sessions), SSE answers',
    ENDPOINTS.streamableSse,
  ),
  streamable2025(
    'streamable-json',
    'Streamable HTTP (2025-11-25, sessions), JSON answers',
    ENDPOINTS.streamableJson,
  ),
  {
    id: 'stateless',
    title: 'Protocol 2026-07-28 (stateless), JSON answers',
    path: ENDPOINTS.stateless,
    clients: [
      statelessFloorClient,
      oursClient(`${OURS} (pinned 2026-07-28)`, {
        transport: 'streamable-http',
        protocolVersion: '2026-07-28',
      }),
      oursClient(`${OURS} (auto)`, { transport: 'auto' }, true),
      sdkV2StatelessClient,
    ],
    autoNote:
      '`auto` tries `server/discover` first, which this server answers: both rows send the same request. The v1 SDK does not speak 2026-07-28.',
  },
]
