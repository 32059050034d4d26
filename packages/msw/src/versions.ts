/** Newest first, as `initialize` negotiates them. */
export const DEFAULT_PROTOCOL_VERSIONS: readonly string[] = [
  '2025-11-25',
  '2025-06-18',
  '2025-03-26',
  '2024-11-05',
]

/** Protocol versions are dates, so they compare as strings. */
export function isAtLeast(version: string | undefined, floor: string): boolean {
  return version !== undefined && version >= floor
}

/** The client's version when the server speaks it, else the server's newest (lifecycle spec). */
export function negotiate(versions: readonly string[], asked: unknown): string {
  return typeof asked === 'string' && versions.includes(asked)
    ? asked
    : (versions[0] ?? '')
}
