import { DEFAULT_CONFIG, type ConnectConfig } from '@mcp-sse/inspector-ui/app'

const KEY = 'mcp-sse-inspector:connect'

interface Stored {
  config: ConnectConfig
  remember: boolean
}

/**
 * The last form, kept across visits. Headers and the token are written only when the user ticked
 * "remember": by default a shared computer keeps no credentials.
 */
export function saveConfig(config: ConnectConfig, remember: boolean): void {
  // Any header may carry a credential under a name of its own, so without "remember" none is kept.
  const kept: ConnectConfig = remember
    ? config
    : { ...config, token: '', headers: [] }
  try {
    localStorage.setItem(
      KEY,
      JSON.stringify({ config: kept, remember } satisfies Stored),
    )
  } catch {
    // Storage full or disabled (private mode): the form simply starts empty next time.
  }
}

export function loadConfig(): Stored {
  try {
    const raw = localStorage.getItem(KEY)
    if (raw !== null) {
      const stored = JSON.parse(raw) as Partial<Stored>
      return {
        config: {
          ...DEFAULT_CONFIG,
          ...stored.config,
          capabilities: {
            ...DEFAULT_CONFIG.capabilities,
            ...stored.config?.capabilities,
          },
        },
        remember: stored.remember === true,
      }
    }
  } catch {
    // Unreadable entry: fall through to defaults.
  }
  return { config: DEFAULT_CONFIG, remember: false }
}

export function forgetConfig(): void {
  try {
    localStorage.removeItem(KEY)
  } catch {
    // Nothing stored.
  }
}
