import type { CallToolResult, ReadResourceResult, Tool } from '@mcp-sse/core'
import { useState } from 'react'
import { ContentView } from '../ui/Content'
import { Json } from '../ui/Json'
import { validate } from './validate'

export function ToolResult({
  result,
  tool,
  readLink,
}: {
  result: CallToolResult
  tool: Tool
  readLink?: (uri: string) => Promise<ReadResourceResult>
}) {
  const [raw, setRaw] = useState(false)
  const issues =
    result.structuredContent !== undefined && tool.outputSchema !== undefined
      ? validate(tool.outputSchema, result.structuredContent)
      : null
  return (
    <div
      className={`result ${result.isError === true ? 'result-error' : ''}`}
      data-testid="tool-result"
    >
      <div className="row">
        {result.isError === true ? (
          <strong className="error" role="alert">
            The tool reported an error (isError: true)
          </strong>
        ) : (
          <strong>Result</strong>
        )}
        <span className="hint">{result.content.length} content block(s)</span>
        <label className="push">
          <input
            type="checkbox"
            checked={raw}
            onChange={(e) => setRaw(e.target.checked)}
          />{' '}
          raw JSON
        </label>
      </div>
      {raw ? (
        <Json value={result} filename={`${tool.name}-result.json`} />
      ) : (
        <>
          {result.content.map((block, i) => (
            <ContentView key={i} block={block} readLink={readLink} />
          ))}
          {result.structuredContent !== undefined && (
            <div className="content" data-kind="structured">
              <div className="row">
                <span className="hint">structuredContent</span>
                {issues === null ? (
                  <span className="hint">
                    (the tool declares no outputSchema)
                  </span>
                ) : issues.length === 0 ? (
                  <span className="ok">✓ matches outputSchema</span>
                ) : (
                  <span className="error">✗ does not match outputSchema</span>
                )}
              </div>
              {issues !== null && issues.length > 0 && (
                <ul className="issues">
                  {issues.map((issue, i) => (
                    <li key={i}>
                      <code>{issue.path}</code> {issue.message}
                    </li>
                  ))}
                </ul>
              )}
              <Json value={result.structuredContent} />
            </div>
          )}
        </>
      )}
    </div>
  )
}
