// Heap and open handles at one moment, for the endurance runs.
import { getActiveResourcesInfo } from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'

/** Heap and open handles at one moment, after a full garbage collection. */
export interface Checkpoint {
  heapUsed: number
  handles: Record<string, number>
  handleCount: number
  /** Open TCP sockets (undici's pooled keep-alive connections among them). */
  sockets: number
}

function handleCounts(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const type of getActiveResourcesInfo())
    counts[type] = (counts[type] ?? 0) + 1
  return counts
}

/**
 * Lets closed sockets and timers finish going away (polling until the handle count is back to
 * `baseline`, or `maxWaitMs`), then collects garbage twice and records heap and handles.
 */
export async function checkpoint(
  baseline?: number,
  maxWaitMs = 6_000,
): Promise<Checkpoint> {
  const deadline = performance.now() + maxWaitMs
  while (baseline !== undefined && performance.now() < deadline) {
    if (getActiveResourcesInfo().length <= baseline) break
    await sleep(50)
  }
  await sleep(20)
  globalThis.gc?.()
  await sleep(0)
  globalThis.gc?.()
  const handles = handleCounts()
  return {
    heapUsed: process.memoryUsage().heapUsed,
    handles,
    handleCount: Object.values(handles).reduce((a, b) => a + b, 0),
    sockets: handles.TCPSocketWrap ?? 0,
  }
}
