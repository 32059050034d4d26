import type { DevtoolsPosition } from '../options'

export interface DockLayout {
  position: DevtoolsPosition
  /** Height of a bottom dock, width of a side dock, in CSS pixels. */
  size: number
}

export const MIN_SIZE = 120

/**
 * The size of a dock opened for the first time: room for the session list, a panel and some of
 * the log (45 % of the window's height at the bottom, 40 % of its width at the side), and never
 * less than a small window allows.
 */
export function defaultSize(position: DevtoolsPosition): number {
  if (typeof window === 'undefined') return position === 'bottom' ? 360 : 480
  return position === 'bottom'
    ? Math.max(360, Math.round(window.innerHeight * 0.45))
    : Math.max(480, Math.round(window.innerWidth * 0.4))
}

/** Every key the devtools write starts with this, so they never collide with the app's own. */
export const STORAGE_PREFIX = 'mcp-sse-devtools:'

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // a sandboxed frame or disabled storage throws on access
  }
}

/** The dock as the user left it, or `fallback` when nothing (valid) is remembered. */
export function loadLayout(key: string, fallback: DockLayout): DockLayout {
  const raw = storage()?.getItem(STORAGE_PREFIX + key)
  if (!raw) return fallback
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return fallback
    const { position, size } = value as Record<string, unknown>
    return {
      position:
        position === 'bottom' || position === 'right'
          ? position
          : fallback.position,
      size:
        typeof size === 'number' && Number.isFinite(size)
          ? Math.max(MIN_SIZE, size)
          : fallback.size,
    }
  } catch {
    return fallback
  }
}

export function saveLayout(key: string, layout: DockLayout): void {
  try {
    storage()?.setItem(STORAGE_PREFIX + key, JSON.stringify(layout))
  } catch {
    // Full or forbidden storage: the layout is simply not remembered.
  }
}

/** Keeps a dock inside the window, so a size remembered on a bigger screen stays usable. */
export function clampSize(size: number, position: DevtoolsPosition): number {
  const limit =
    typeof window === 'undefined'
      ? Infinity
      : (position === 'bottom' ? window.innerHeight : window.innerWidth) - 40
  return Math.round(
    Math.max(MIN_SIZE, Math.min(size, Math.max(MIN_SIZE, limit))),
  )
}
