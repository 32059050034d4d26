import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { readAddress } from './connect/address'
import { loadConfig } from './connect/storage'
import { createQueryClient } from './queryClient'
import './styles.css'

const stored = loadConfig()
const address = readAddress(window.location, stored.config)
// `pnpm dev` starts a demo server and passes its URL; a ?url= in the address wins over it.
const demo = import.meta.env.VITE_MCP_DEMO_URL as string | undefined
const useDemo = !address.autoConnect && demo !== undefined && demo !== ''
const initial = useDemo ? { ...address.config, url: demo } : address.config

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App
        initial={initial}
        remember={stored.remember}
        autoConnect={address.autoConnect || useDemo}
      />
    </QueryClientProvider>
  </StrictMode>,
)
