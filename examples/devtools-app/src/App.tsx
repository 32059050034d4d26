import { MCPDevtools } from '@mcp-sse/devtools'
import { MCPSSEProvider } from '@mcp-sse/react'
import { serverUrls } from './servers'
import { ToolPanel } from './ToolPanel'

const { http, sse } = serverUrls()

// Defined once, outside the component: the provider compares connections by value anyway.
const connections = {
  everything: { url: http }, // Streamable HTTP (…/mcp)
  legacy: { url: sse }, // HTTP + SSE (…/sse)
}

export function App() {
  return (
    <MCPSSEProvider connections={connections}>
      <h1>An app on @mcp-sse/react</h1>
      <ToolPanel connection="everything" />
      <ToolPanel connection="legacy" />
      {/* Ctrl+Shift+M, or the button at the bottom right. Nothing of it in a production build. */}
      <MCPDevtools />
    </MCPSSEProvider>
  )
}
