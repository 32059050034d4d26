import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { carryAcrossRedirect } from './auth/watch'
import { readAddress } from './connect/address'
import { demoPresets } from './connect/presets'
import { loadConfig } from './connect/storage'
import { createQueryClient } from './queryClient'
import { useSessions } from './sessions/store'
import './styles.css'

const stored = loadConfig()
const address = readAddress(window.location, stored.config)
// `pnpm dev` starts two demo servers and passes their URLs; a ?url= in the address wins over them.
const presets = demoPresets({
  streamable: import.meta.env.VITE_MCP_DEMO_URL as string | undefined,
  sse: import.meta.env.VITE_MCP_DEMO_SSE_URL as string | undefined,
})
const demo = presets[0]
const useDemo = !address.autoConnect && demo !== undefined
const initial = useDemo ? { ...address.config, ...demo.config } : address.config

carryAcrossRedirect(() =>
  useSessions.getState().sessions.map((s) => ({
    id: s.id,
    url: s.config.url,
    waiting: s.client.getSnapshot().status === 'authorizing',
  })),
)

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App
        initial={initial}
        remember={stored.remember}
        presets={presets}
        autoConnect={address.autoConnect || useDemo}
      />
    </QueryClientProvider>
  </StrictMode>,
)
