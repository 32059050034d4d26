import type { WireEvent } from '@mcp-sse/core'
import { isSecretHeader } from './curl'

/** The headers that say which session, which revision, where to resume and what came back. */
const MATTER = [
  'mcp-session-id',
  'mcp-protocol-version',
  'mcp-method',
  'mcp-name',
  'last-event-id',
  'content-type',
  'accept',
]

/**
 * The MCP headers of one side of an exchange, `Mcp-Param-*` (2026-07-28) included. A credential
 * header is named, its value never shown.
 */
function pick(headers: Record<string, string> | undefined): [string, string][] {
  if (headers === undefined) return []
  return Object.entries(headers)
    .filter(([name]) => {
      const lower = name.toLowerCase()
      return (
        MATTER.includes(lower) ||
        lower.startsWith('mcp-param-') ||
        isSecretHeader(name)
      )
    })
    .map(([name, value]) => [name, isSecretHeader(name) ? '<redacted>' : value])
}

/** Status and the MCP headers of one HTTP exchange, above its raw JSON. */
export function HttpFacts({ event }: { event: WireEvent }) {
  let status: string
  let request: [string, string][] = []
  let response: [string, string][] = []
  switch (event.type) {
    case 'post':
      status = event.status === null ? 'no answer' : String(event.status)
      request = pick(event.headers)
      response = pick(event.responseHeaders)
      break
    case 'stream-open':
      status = String(event.status)
      if (event.lastEventId !== undefined)
        request = [['Last-Event-ID', event.lastEventId]]
      response = pick(event.responseHeaders)
      break
    case 'session-end':
      status = event.status === null ? 'no answer' : String(event.status)
      break
    default:
      return null
  }
  return (
    <table className="http-facts" data-testid="http-facts">
      <tbody>
        <tr>
          <th scope="row">status</th>
          <td>
            <code className={Number(status) >= 400 ? 'error' : undefined}>
              {status}
            </code>
          </td>
        </tr>
        {request.map(([name, value]) => (
          <tr key={`q-${name}`}>
            <th scope="row">→ {name}</th>
            <td>
              <code>{value}</code>
            </td>
          </tr>
        ))}
        {response.map(([name, value]) => (
          <tr key={`r-${name}`}>
            <th scope="row">← {name}</th>
            <td>
              <code>{value}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
