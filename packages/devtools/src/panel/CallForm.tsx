import {
  isMCPError,
  type CallToolResult,
  type MCPSSEClient,
  type Tool,
} from '@mcp-sse/core'
import { useId, useState, type FormEvent } from 'react'
import { argumentsTemplate, parseArguments } from './parse-arguments'
import { ResultView } from './ResultView'

/** A call from the panel waits this long at most; it shows the timeout as its failure. */
const CALL_TIMEOUT_MS = 60_000

type Outcome =
  | { state: 'idle' }
  | { state: 'calling' }
  | { state: 'done'; result: CallToolResult }
  | { state: 'failed'; message: string }

export function CallForm({
  client,
  tool,
}: {
  client: MCPSSEClient
  tool: Tool
}) {
  const [text, setText] = useState(() => argumentsTemplate(tool))
  const [invalid, setInvalid] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' })
  const id = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (outcome.state === 'calling') return
    const parsed = parseArguments(text, tool)
    if (!parsed.ok) {
      setInvalid(parsed.message)
      return
    }
    setInvalid(null)
    setOutcome({ state: 'calling' })
    client
      .callTool(tool.name, parsed.value, {
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      })
      .then(
        (result) => setOutcome({ state: 'done', result }),
        (error: unknown) =>
          setOutcome({
            state: 'failed',
            message: isMCPError(error)
              ? error.message
              : error instanceof Error
                ? error.message
                : String(error),
          }),
      )
  }

  return (
    <form className="call" onSubmit={submit} aria-label={`Call ${tool.name}`}>
      {tool.description && <p className="description">{tool.description}</p>}
      <label htmlFor={`${id}-args`}>Arguments (JSON)</label>
      <textarea
        id={`${id}-args`}
        value={text}
        spellCheck={false}
        rows={5}
        aria-invalid={invalid !== null}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      {invalid && (
        <p id={`${id}-error`} className="invalid" role="alert">
          {invalid}
        </p>
      )}
      {/* aria-disabled, not disabled: a focused button that becomes disabled drops the focus
          out of the panel (to the page's body), where Esc and Tab no longer reach the panel. */}
      <button type="submit" aria-disabled={outcome.state === 'calling'}>
        {outcome.state === 'calling' ? 'Calling…' : `Call ${tool.name}`}
      </button>
      {outcome.state === 'done' && <ResultView result={outcome.result} />}
      {outcome.state === 'failed' && (
        <p className="invalid" role="alert">
          {outcome.message}
        </p>
      )}
    </form>
  )
}
