// Bundle-size entry: an app that renders `<MCPDevtools />`, built for production, where the
// package's `production` export condition resolves it to a component that renders nothing.
import { MCPDevtools } from '@mcp-sse/devtools'
import { createElement } from 'react'

export function App() {
  return createElement(MCPDevtools)
}
