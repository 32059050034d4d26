import type { MCPError } from '@mcp-sse/core'
import { MCPSSEProvider, useMCPSSE } from '@mcp-sse/react'
import { useMCPCallTool } from '@mcp-sse/react/query'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'

// What an app written against the published packages looks like: a provider connection, the
// hook listing the server's tools, and a TanStack Query mutation calling one of them.
function Tools() {
  const mcp = useMCPSSE({ connection: 'server' })
  const error: MCPError | null = mcp.error
  return (
    <section>
      <p>Status: {mcp.status}</p>
      {error && <p role="alert">{error.message}</p>}
      <ul aria-label="Tools">
        {mcp.tools.map((tool) => (
          <li key={tool.name}>{tool.name}</li>
        ))}
      </ul>
    </section>
  )
}

function Echo() {
  const mcp = useMCPSSE({ connection: 'server' })
  const call = useMCPCallTool('server')
  const first = call.data?.content[0]
  return (
    <section>
      <button
        disabled={!mcp.connected || call.isPending}
        onClick={() =>
          call.mutate({
            name: 'echo',
            arguments: { message: 'hello from the consumer app' },
          })
        }
      >
        Call echo
      </button>
      <output>{first?.type === 'text' ? first.text : ''}</output>
      {call.error && <p role="alert">{call.error.code}</p>}
    </section>
  )
}

export function App({ url }: { url: string }) {
  const [queryClient] = useState(() => new QueryClient())
  return (
    <QueryClientProvider client={queryClient}>
      <MCPSSEProvider connections={{ server: { url } }}>
        <Tools />
        <Echo />
      </MCPSSEProvider>
    </QueryClientProvider>
  )
}
