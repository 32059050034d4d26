import type { Checkpoint } from './checkpoint.ts'
import type { EnduranceResult } from './endurance.ts'
import { formatMB } from './stats.ts'
import type { Table } from './table.ts'

const describeHandles = (c: Checkpoint) =>
  `${c.handleCount} (${Object.entries(c.handles)
    .map(([type, n]) => `${type} ${n}`)
    .join(', ')})`

const describeSessions = (r: EnduranceResult) =>
  r.sessionsBefore === null
    ? 'none (stateless)'
    : `${r.sessionsBefore} → ${r.sessionsAfter} ${r.sessionsAfter === r.sessionsBefore ? '✓' : '✗'}`

const heap = (r: EnduranceResult) => {
  const delta = r.after.heapUsed - r.before.heapUsed
  return `${formatMB(r.before.heapUsed)} → ${formatMB(r.after.heapUsed)} (${delta >= 0 ? '+' : ''}${formatMB(delta)})`
}

export function enduranceTable(results: EnduranceResult[]): Table {
  return {
    title: 'Endurance (@mcp-sse/core against the bench server)',
    headers: [
      'Transport',
      'Run',
      'Iterations',
      'Time (s)',
      'Heap before → after (after gc)',
      'Open sockets before → after',
      'Open handles before',
      'Open handles after',
      'Server sessions before → after',
      'Requests sent = resolved + rejected',
      'Unrecovered',
    ],
    rows: results.map((r) => [
      r.transport,
      r.name,
      String(r.iterations),
      r.seconds.toFixed(1),
      heap(r),
      `${r.before.sockets} → ${r.after.sockets}`,
      describeHandles(r.before),
      describeHandles(r.after),
      describeSessions(r),
      `${r.counts.sent} = ${r.counts.resolved} + ${r.counts.rejected} ${r.counts.sent === r.counts.resolved + r.counts.rejected ? '✓' : '✗'}`,
      String(r.unrecovered),
    ]),
    notes: [
      'Each cycle: connect, one answered call, one call cut short by disconnect (after a warm-up of half as many, at most 500). ' +
        'Restarts: SIGKILL the server process and start it again on the same port while callers keep requesting.',
      'Server sessions: open HTTP+SSE streams, or Streamable HTTP sessions not ended with DELETE, counted by the server (`GET /stats`) after the last disconnect; ' +
        'for restarts, before is the first server process and after the last.',
      globalThis.gc
        ? 'Heap measured after global.gc().'
        : 'Run with --expose-gc for heap figures after collection.',
    ],
  }
}
