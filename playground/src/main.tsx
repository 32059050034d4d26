import { carryAcrossRedirect } from '@mcp-sse/inspector-ui/app'
import '@mcp-sse/inspector-ui/style.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, createPlaygroundInspector } from './App'
import { readAddress } from './connect/address'
import { demoPresets } from './connect/presets'
import { loadConfig } from './connect/storage'

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

const inspector = createPlaygroundInspector()
carryAcrossRedirect(inspector, () =>
  inspector.useSessions.getState().sessions.map((s) => ({
    id: s.id,
    url: s.config.url,
    waiting: s.client.getSnapshot().status === 'authorizing',
  })),
)

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App
      inspector={inspector}
      initial={initial}
      remember={stored.remember}
      presets={presets}
      autoConnect={address.autoConnect || useDemo}
    />
  </StrictMode>,
)
