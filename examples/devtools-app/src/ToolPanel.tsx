import { useMCPSSE } from '@mcp-sse/react'
import { useState } from 'react'

/** What an app of your own might do: list a connection's tools and call one. */
export function ToolPanel({ connection }: { connection: string }) {
  const mcp = useMCPSSE({ connection })
  const [answer, setAnswer] = useState<string | null>(null)
  const [count, setCount] = useState(0)

  const callEcho = async () => {
    const message = `${connection} call ${String(count + 1)}`
    setCount((n) => n + 1)
    try {
      const result = await mcp.callTool('echo', { message })
      const first = result.content[0]
      setAnswer(first?.type === 'text' ? first.text : JSON.stringify(first))
    } catch (error) {
      setAnswer(error instanceof Error ? error.message : String(error))
    }
  }

  return (
    <section aria-label={connection}>
      <h2>
        {connection}:{' '}
        <span data-testid={`${connection}-status`}>{mcp.status}</span>
      </h2>
      {mcp.error && <p role="alert">{mcp.error.message}</p>}
      <p>{mcp.tools.length} tools</p>
      <ul>
        {mcp.tools.slice(0, 5).map((tool) => (
          <li key={tool.name}>{tool.name}</li>
        ))}
      </ul>
      <button
        type="button"
        disabled={!mcp.connected}
        onClick={() => void callEcho()}
      >
        Call echo on {connection}
      </button>
      {answer !== null && <p data-testid={`${connection}-answer`}>{answer}</p>}
    </section>
  )
}
