import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'

// The server to talk to comes from the page's address: /?url=http://127.0.0.1:3001/mcp
const url = new URLSearchParams(location.search).get('url') ?? ''
const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root')

createRoot(root).render(
  <StrictMode>
    <App url={url} />
  </StrictMode>,
)
