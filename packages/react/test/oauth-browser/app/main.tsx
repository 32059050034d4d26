import { oauth } from '@mcp-sse/core/oauth'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'

// The server to sign in to comes in the page's query, as the test starts it on a free port.
const url = new URLSearchParams(location.search).get('mcp') ?? ''
// Once, outside any component; memory storage (the default). waitForSignIn: the 401 waits in
// 'authorizing' for the click rather than opening a popup the browser would block.
const auth = oauth({
  redirectUri: `${location.origin}/callback`,
  clientName: 'oauth-browser test app',
  waitForSignIn: true,
})

const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <App url={url} auth={auth} />
    </StrictMode>,
  )
