import type { CallToolResult, ContentBlock } from '@mcp-sse/core'

/** One block as text: a text block as it is, anything else (images, resources) as its JSON. */
function blockText(block: ContentBlock): string {
  if (block.type === 'text') return block.text
  if (block.type === 'image' || block.type === 'audio')
    return `[${block.type} ${block.mimeType}, ${String(block.data.length)} base64 characters]`
  return JSON.stringify(block, null, 2)
}

/** The server's answer, as text only: nothing a server sends is ever rendered as HTML. */
export function ResultView({ result }: { result: CallToolResult }) {
  return (
    <div className={result.isError ? 'result failed' : 'result'} role="status">
      <p className="result-title">
        {result.isError ? 'The tool reported an error' : 'Result'}
      </p>
      {result.content.map((block, index) => (
        <pre key={index} className="block">
          {blockText(block)}
        </pre>
      ))}
      {result.structuredContent !== undefined && (
        <pre className="block">
          {JSON.stringify(result.structuredContent, null, 2)}
        </pre>
      )}
    </div>
  )
}
