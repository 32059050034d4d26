import type { ConnectConfig } from '@mcp-sse/inspector-ui'

/** A server the page offers by name: one click fills the form and connects. */
export interface Preset {
  label: string
  /** One line on what it is, shown as the button's tooltip. */
  detail: string
  config: Pick<ConnectConfig, 'url' | 'transport' | 'protocolVersion'>
}

/**
 * The demo servers `pnpm dev` started (their URLs come in through Vite's env), or none for a
 * static build.
 */
export function demoPresets(env: {
  streamable?: string | undefined
  sse?: string | undefined
}): Preset[] {
  const presets: Preset[] = []
  if (env.streamable) {
    presets.push({
      label: 'Streamable HTTP demo',
      detail: `server-everything (streamableHttp) at ${env.streamable}`,
      config: {
        url: env.streamable,
        transport: 'streamable-http',
        protocolVersion: 'auto',
      },
    })
  }
  if (env.sse) {
    presets.push({
      label: 'HTTP+SSE demo',
      detail: `server-everything (sse) at ${env.sse}`,
      config: { url: env.sse, transport: 'sse', protocolVersion: 'auto' },
    })
  }
  return presets
}
