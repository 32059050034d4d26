import type { ContentBlock } from '@mcp-sse/core'
import { ContentView } from '../ui/Content'
import { Json } from '../ui/Json'
import type { SamplingBlock, SamplingMessage } from './types'

/** One block of a sampling message; tool_use and tool_result (sampling with tools) by their parts. */
function Block({ block }: { block: SamplingBlock }) {
  if (block.type === 'tool_use') {
    return (
      <div className="content" data-kind="tool_use">
        <span className="chip">tool_use</span> <code>{String(block.name)}</code>{' '}
        <span className="hint">id {String(block.id)}</span>
        <Json value={block.input} />
      </div>
    )
  }
  if (block.type === 'tool_result') {
    const inner = Array.isArray(block.content) ? block.content : []
    return (
      <div className="content" data-kind="tool_result">
        <span className="chip">tool_result</span>{' '}
        <span className="hint">for {String(block.toolUseId)}</span>
        {inner.map((b, i) => (
          <ContentView key={i} block={b as ContentBlock} />
        ))}
      </div>
    )
  }
  return <ContentView block={block as unknown as ContentBlock} />
}

export function SamplingMessages({
  messages,
}: {
  messages: SamplingMessage[]
}) {
  if (messages.length === 0)
    return <p className="hint error">The request holds no messages.</p>
  return (
    <ol className="messages" aria-label="Messages">
      {messages.map((m, i) => (
        <li key={i} className={`message role-${m.role}`}>
          <span className="chip">{m.role}</span>
          {(Array.isArray(m.content) ? m.content : [m.content]).map((b, j) => (
            <Block key={j} block={b} />
          ))}
        </li>
      ))}
    </ol>
  )
}
