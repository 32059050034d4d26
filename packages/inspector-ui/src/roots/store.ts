import { create } from 'zustand'

export interface Root {
  uri: string
  name: string
}

/**
 * The roots this inspector offers every session that declared `roots`: one list, as a host's
 * workspace folders are one list. Edits are sent as `notifications/roots/list_changed`.
 */
export function createRootStore() {
  const useRoots = create<{ roots: Root[] }>(() => ({ roots: [] }))

  function currentRoots(): { uri: string; name?: string }[] {
    return useRoots
      .getState()
      .roots.filter((r) => r.uri.trim() !== '')
      .map((r) =>
        r.name.trim() === ''
          ? { uri: r.uri.trim() }
          : { uri: r.uri.trim(), name: r.name.trim() },
      )
  }
  return { useRoots, currentRoots }
}

/** Roots are `file://` URIs (2025-06-18 on); anything else is said plainly before it is sent. */
export function rootProblem(uri: string): string | null {
  const trimmed = uri.trim()
  if (trimmed === '') return null
  try {
    const url = new URL(trimmed)
    return url.protocol === 'file:'
      ? null
      : `Roots must be file:// URIs; “${url.protocol}” is not.`
  } catch {
    return `“${trimmed}” is not a URI; write it like file:///home/me/project.`
  }
}
