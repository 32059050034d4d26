import { formatRatio, median } from './stats.ts'

/** Per-round ratios of `a` over `b` (same round, same machine weather), summarised. */
export interface PairedRatio {
  median: number
  min: number
  max: number
}

export function pairedRatio(
  a: readonly number[],
  b: readonly number[],
): PairedRatio {
  const perRound = a
    .map((value, r) => value / (b[r] ?? Number.NaN))
    .filter(Number.isFinite)
  if (perRound.length === 0)
    return { median: Number.NaN, min: Number.NaN, max: Number.NaN }
  return {
    median: median(perRound),
    min: Math.min(...perRound),
    max: Math.max(...perRound),
  }
}

/** "0.93× (0.88–0.97)": the median, and in brackets the lowest and highest round. */
export const formatPaired = (ratio: PairedRatio): string =>
  `${formatRatio(ratio.median)} (${formatRatio(ratio.min)}–${formatRatio(ratio.max)})`
