import type { Tool } from '@mcp-sse/core'
import { ItemLabel } from '../ui/ItemLabel'

/** The hints of `ToolAnnotations`, in words. */
const HINTS: Record<string, [yes: string, no: string]> = {
  readOnlyHint: ['read-only', 'writes'],
  destructiveHint: ['destructive', 'not destructive'],
  idempotentHint: ['idempotent', 'not idempotent'],
  openWorldHint: ['open world', 'closed world'],
}

export function ToolHeader({ tool }: { tool: Tool }) {
  const annotations = tool.annotations ?? {}
  const taskSupport = (tool.execution as { taskSupport?: unknown } | undefined)
    ?.taskSupport
  return (
    <>
      <h3>
        <ItemLabel
          name={tool.name}
          title={tool.title ?? annotations.title}
          icons={tool.icons}
        />
      </h3>
      {tool.description !== undefined && (
        <p className="desc">{tool.description}</p>
      )}
      <div className="chips" data-testid="tool-annotations">
        {Object.entries(annotations).map(([k, v]) => {
          if (k === 'title') return null
          const words = HINTS[k]
          const label =
            words !== undefined && typeof v === 'boolean'
              ? words[v ? 0 : 1]
              : `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`
          return (
            <span
              key={k}
              className={`chip${v === true && k === 'destructiveHint' ? ' chip-warn' : ''}`}
              title={`${k}: ${JSON.stringify(v)}`}
            >
              {label}
            </span>
          )
        })}
        {typeof taskSupport === 'string' && taskSupport !== 'forbidden' && (
          <span className="chip chip-accent" title="execution.taskSupport">
            task {taskSupport}
          </span>
        )}
      </div>
    </>
  )
}
