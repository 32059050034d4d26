import { useState } from 'react'
import { download } from './download'

/** Text past `limit` characters is cut, with a way to see it all or save it. Always a text node. */
export function LongText({
  text,
  limit = 20_000,
  filename = 'result.txt',
}: {
  text: string
  limit?: number
  filename?: string
}) {
  const [all, setAll] = useState(false)
  const cut = !all && text.length > limit
  return (
    <div className="long-text">
      <pre className="mono">{cut ? text.slice(0, limit) : text}</pre>
      {text.length > limit && (
        <div className="row">
          <span className="hint">
            {cut
              ? `Showing ${limit.toLocaleString()} of ${text.length.toLocaleString()} characters.`
              : `${text.length.toLocaleString()} characters.`}
          </span>
          <button type="button" className="small" onClick={() => setAll(!all)}>
            {cut ? 'Show all' : 'Show less'}
          </button>
          <button
            type="button"
            className="small"
            onClick={() => download(filename, text, 'text/plain')}
          >
            Download
          </button>
        </div>
      )}
    </div>
  )
}
