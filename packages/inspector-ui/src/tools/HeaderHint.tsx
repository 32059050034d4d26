import { readToolHeaders, type Tool } from '@mcp-sse/core'
import { isStateless } from '../connect/protocol'

/**
 * Which arguments the client mirrors into `Mcp-Param-*` request headers (protocol 2026-07-28's
 * `x-mcp-header`), so that the user knows what intermediaries will see of a call.
 */
export function HeaderHint({
  tool,
  protocolVersion,
}: {
  tool: Tool
  protocolVersion: string | null
}) {
  const read = readToolHeaders(tool.inputSchema)
  if (read.ok && read.annotations.length === 0) return null
  const modern = isStateless(protocolVersion)
  if (!read.ok)
    return (
      <div className="warn-box" data-testid="header-hint" role="note">
        Its <code>x-mcp-header</code> annotations are invalid: {read.reason}.
        {modern
          ? ' A 2026-07-28 client must not call it.'
          : ' This session speaks an older revision, which ignores them.'}
      </div>
    )
  return (
    <div className="hint" data-testid="header-hint" role="note">
      {modern
        ? 'Sent as request headers too (x-mcp-header), visible to proxies on the way:'
        : `On protocol 2026-07-28 these become request headers (x-mcp-header); this session speaks ${protocolVersion ?? 'an older revision'}, so they are not sent:`}
      <ul>
        {read.annotations.map(({ header, path }) => (
          <li key={header}>
            <code>{path.join('.')}</code> → <code>Mcp-Param-{header}</code>
          </li>
        ))}
      </ul>
    </div>
  )
}
