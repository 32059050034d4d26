import type { OAuthStorage } from '@mcp-sse/core/oauth'

function web(kind: 'sessionStorage' | 'localStorage'): Storage | null {
  try {
    return globalThis[kind] ?? null
  } catch {
    return null
  }
}

/**
 * Where a session's sign-in keeps its tokens and client registration: this tab's sessionStorage,
 * or localStorage once the user ticks "remember" (and only then). Flipping the choice moves what
 * was written so far; a value found in localStorage means it was remembered on an earlier visit.
 * Without Web Storage (a locked-down browser) it keeps them in memory.
 */
export class SignInStorage implements OAuthStorage {
  private readonly written = new Set<string>()
  private readonly memory = new Map<string, string>()

  constructor(
    private remember: boolean,
    /** Told when a remembered value is found, so the checkbox shows it. */
    private readonly onRemembered: () => void,
  ) {}

  setRemember(remember: boolean): void {
    if (remember === this.remember) return
    const from = this.target()
    this.remember = remember
    const to = this.target()
    for (const key of this.written) {
      const value = from?.getItem(key) ?? this.memory.get(key) ?? null
      if (value === null) continue
      this.put(to, key, value)
      from?.removeItem(key)
    }
  }

  getItem(key: string): string | null {
    const tab = web('sessionStorage')?.getItem(key) ?? null
    if (tab !== null) return tab
    const device = web('localStorage')?.getItem(key) ?? null
    if (device !== null) {
      this.written.add(key)
      if (!this.remember) {
        this.remember = true
        this.onRemembered()
      }
      return device
    }
    return this.memory.get(key) ?? null
  }

  setItem(key: string, value: string): void {
    this.written.add(key)
    const target = this.target()
    this.put(target, key, value)
    // Never two copies: the other place would outlive the user's choice.
    const other = this.remember ? web('sessionStorage') : web('localStorage')
    other?.removeItem(key)
  }

  removeItem(key: string): void {
    this.written.delete(key)
    this.memory.delete(key)
    web('sessionStorage')?.removeItem(key)
    web('localStorage')?.removeItem(key)
  }

  private target(): Storage | null {
    return web(this.remember ? 'localStorage' : 'sessionStorage')
  }

  private put(storage: Storage | null, key: string, value: string): void {
    try {
      if (storage === null) throw new Error('no storage')
      storage.setItem(key, value)
      this.memory.delete(key)
    } catch {
      this.memory.set(key, value)
    }
  }
}
