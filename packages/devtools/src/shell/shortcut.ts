import { MCPError } from '@mcp-sse/core'

export interface Shortcut {
  key: string
  ctrl: boolean
  shift: boolean
  alt: boolean
  meta: boolean
}

const MODIFIERS = new Set([
  'ctrl',
  'control',
  'shift',
  'alt',
  'option',
  'meta',
  'cmd',
])

/** Reads `'Ctrl+Shift+M'`; throws at once, with the fix, on a string that names no key. */
export function parseShortcut(text: string): Shortcut {
  const parts = text
    .split('+')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '')
  const keys = parts.filter((part) => !MODIFIERS.has(part))
  const key = keys[0]
  if (key === undefined || keys.length > 1)
    throw new MCPError(
      'invalid-options',
      `<MCPDevtools shortcut="${text}"> needs exactly one key besides the modifiers (Ctrl, Shift, Alt, Meta), such as "Ctrl+Shift+M"; pass shortcut={false} for none.`,
    )
  return {
    key,
    ctrl: parts.includes('ctrl') || parts.includes('control'),
    shift: parts.includes('shift'),
    alt: parts.includes('alt') || parts.includes('option'),
    meta: parts.includes('meta') || parts.includes('cmd'),
  }
}

/** Compares by `code` too, so Alt+M (which types "µ" on a Mac) still matches. */
export function matchesShortcut(
  event: KeyboardEvent,
  shortcut: Shortcut,
): boolean {
  if (
    event.ctrlKey !== shortcut.ctrl ||
    event.shiftKey !== shortcut.shift ||
    event.altKey !== shortcut.alt ||
    event.metaKey !== shortcut.meta
  )
    return false
  const code = event.code.toLowerCase()
  return (
    event.key.toLowerCase() === shortcut.key ||
    code === `key${shortcut.key}` ||
    code === `digit${shortcut.key}` ||
    code === shortcut.key
  )
}
