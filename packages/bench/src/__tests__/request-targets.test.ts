import { describe, expect, it } from 'vitest'
import type { CpuBreakdown } from '../cpu-breakdown.ts'
import { cpuCause } from '../request-targets.ts'

const breakdown = (name: string, parts: Record<string, number>) =>
  ({
    name,
    perCall: Object.values(parts).reduce((a, b) => a + b, 0),
    byCategory: new Map(Object.entries(parts)),
  }) as CpuBreakdown

describe('cpuCause', () => {
  it('names the categories where ours spends more than the floor, largest first', () => {
    const rows = [
      breakdown('floor (hand-written)', {
        'own code': 20,
        'fetch (undici)': 100,
        'web streams': 30,
      }),
      breakdown('@mcp-sse/core (pinned)', {
        'own code': 60,
        'fetch (undici)': 112,
        'web streams': 31,
      }),
    ]
    expect(cpuCause(rows)).toBe(
      'profiled, ours − floor per call: own code +40 µs, fetch (undici) +12 µs',
    )
  })

  it('says so when no category stands out, and nothing without a profile', () => {
    const rows = [
      breakdown('floor (hand-written)', { 'own code': 20 }),
      breakdown('@mcp-sse/core (pinned)', { 'own code': 22 }),
    ]
    expect(cpuCause(rows)).toMatch(/no category 5 µs\/call above the floor/)
    expect(cpuCause(undefined)).toBe('')
  })
})
