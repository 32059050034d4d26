import { MCPAuthCallback } from '@mcp-sse/react/oauth'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

// The page at redirectUri: hands the answer to the popup's opener, or back to the app.
const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <MCPAuthCallback />
    </StrictMode>,
  )
