import type { AuthProvider } from '@mcp-sse/core'
import { useMCPSSE } from '@mcp-sse/react'
import { useState } from 'react'

/**
 * What a user of the hook would write: a sign-in button (signIn() runs inside the click, so the
 * popup may open), the states the hook reports, and a button that calls a tool.
 */
export function App({ url, auth }: { url: string; auth: AuthProvider }) {
  const mcp = useMCPSSE({ url, auth })
  const [result, setResult] = useState('')
  const [failure, setFailure] = useState('')
  const call = () => {
    setResult('')
    setFailure('')
    mcp
      .callTool('whoami')
      .then((answer) => {
        const first = answer.content[0]
        setResult(first?.type === 'text' ? first.text : '(no text)')
      })
      .catch((error: unknown) => setFailure(String(error)))
  }
  return (
    <main>
      <p data-testid="status">{mcp.status}</p>
      <p data-testid="auth">{mcp.auth?.status ?? ''}</p>
      <p data-testid="scopes">{mcp.auth?.scopes.join(' ') ?? ''}</p>
      <p data-testid="expires">{mcp.auth?.expiresAt ?? ''}</p>
      <p data-testid="error">{mcp.auth?.error?.message ?? ''}</p>
      <button onClick={() => void mcp.signIn().catch(() => {})}>Sign in</button>
      <button onClick={call}>Call</button>
      <p data-testid="result">{result}</p>
      <p data-testid="failure">{failure}</p>
    </main>
  )
}
