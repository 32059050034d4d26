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

/** The first version of the stateless era (no `initialize`, no sessions). */
export const MODERN_PROTOCOL_VERSION = '2026-07-28'

/** Every version a server speaks: what it was given, else what its `protocol` implies. */
export function serverVersions(options: {
  protocolVersions?: readonly string[]
  protocol?: string
}): readonly string[] {
  if (options.protocolVersions !== undefined) return options.protocolVersions
  if (options.protocol === MODERN_PROTOCOL_VERSION)
    return [MODERN_PROTOCOL_VERSION]
  if (options.protocol === 'dual-era')
    return [MODERN_PROTOCOL_VERSION, ...DEFAULT_PROTOCOL_VERSIONS]
  return DEFAULT_PROTOCOL_VERSIONS
}

/** The versions `initialize` may answer with (the 2025 era and before). */
export function legacyVersions(options: {
  protocolVersions?: readonly string[]
  protocol?: string
}): readonly string[] {
  return serverVersions(options).filter((v) => v < MODERN_PROTOCOL_VERSION)
}

/** The stateless-era versions a server speaks. */
export function modernVersions(options: {
  protocolVersions?: readonly string[]
  protocol?: string
}): readonly string[] {
  return serverVersions(options).filter((v) => v >= MODERN_PROTOCOL_VERSION)
}
