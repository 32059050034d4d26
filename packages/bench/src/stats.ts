/** Value at quantile `q` (0..1) of the samples, nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil(q * sorted.length) - 1),
  )
  return sorted[rank] ?? Number.NaN
}

export const median = (samples: readonly number[]): number =>
  quantile(samples, 0.5)

export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return 'n/a'
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
}

export const formatRatio = (value: number): string =>
  Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a'

export const formatBytes = (bytes: number): string =>
  `${formatNumber(bytes)} B (${(bytes / 1024).toFixed(1)} KB)`

export const formatMB = (bytes: number): string =>
  `${(bytes / 1024 / 1024).toFixed(1)} MB`
