import type {
  ContentBlock,
  ReadResourceResult,
  ResourceContents,
} from '@mcp-sse/core'
import { useState } from 'react'
import { base64Bytes, download } from './download'
import { LongText } from './LongText'

const IMAGE = /^image\/[\w.+-]+$/i
const AUDIO = /^audio\/[\w.+-]+$/i

/**
 * A data: URL built from base64 and the declared type, only for image/* or audio/*: anything else
 * (text/html, image/svg+xml in an <iframe>…) could run the server's script in our page.
 */
export function mediaUrl(
  kind: 'image' | 'audio',
  mimeType: string,
  data: string,
): string | null {
  const pattern = kind === 'image' ? IMAGE : AUDIO
  if (!pattern.test(mimeType) || !/^[A-Za-z0-9+/=\s]*$/.test(data)) return null
  return `data:${mimeType};base64,${data.replace(/\s/g, '')}`
}

/** `audience`, `priority`, `lastModified` of a block, said in words rather than left in raw JSON. */
function AnnotationChips({ annotations }: { annotations: unknown }) {
  if (typeof annotations !== 'object' || annotations === null) return null
  const a = annotations as Record<string, unknown>
  const chips: string[] = []
  if (Array.isArray(a.audience))
    chips.push(`for ${a.audience.map(String).join(' & ')}`)
  if (typeof a.priority === 'number') chips.push(`priority ${a.priority}`)
  if (typeof a.lastModified === 'string')
    chips.push(`modified ${a.lastModified}`)
  if (chips.length === 0) return null
  return (
    <span className="chips annotations" data-testid="annotations">
      {chips.map((c) => (
        <span key={c} className="chip">
          {c}
        </span>
      ))}
    </span>
  )
}

/** An image fitted to the pane; a click (or Enter) shows it at its own size, and back. */
function ZoomableImage({ src, alt }: { src: string; alt: string }) {
  const [zoomed, setZoomed] = useState(false)
  return (
    <button
      type="button"
      className={`image-button${zoomed ? ' zoomed' : ''}`}
      aria-label={zoomed ? 'Fit image' : 'Zoom image'}
      aria-pressed={zoomed}
      onClick={() => setZoomed(!zoomed)}
    >
      <img src={src} alt={alt} />
    </button>
  )
}

export function ContentView({
  block,
  readLink,
}: {
  block: ContentBlock
  /** Reads a linked resource; when given, a resource link gets a Read button. */
  readLink?: (uri: string) => Promise<ReadResourceResult>
}) {
  switch (block.type) {
    case 'text':
      return (
        <div className="content content-text" data-kind="text">
          <AnnotationChips annotations={block.annotations} />
          <LongText text={block.text} />
        </div>
      )
    case 'image':
    case 'audio': {
      const url = mediaUrl(block.type, block.mimeType, block.data)
      return (
        <div className={`content content-${block.type}`} data-kind={block.type}>
          <div className="hint">
            {block.type} · {block.mimeType} ·{' '}
            {Math.round((block.data.length * 3) / 4).toLocaleString()} bytes{' '}
            <AnnotationChips annotations={block.annotations} />
          </div>
          {url === null ? (
            <div className="hint error">
              Not shown: declared type “{block.mimeType}” is not {block.type}/*,
              or the data is not base64.
            </div>
          ) : block.type === 'image' ? (
            <ZoomableImage src={url} alt="image returned by the server" />
          ) : (
            <audio controls src={url} />
          )}
        </div>
      )
    }
    case 'resource':
      return (
        <div className="content content-resource" data-kind="resource">
          <div className="hint">
            embedded resource{' '}
            <AnnotationChips annotations={block.annotations} />
          </div>
          <ResourceContentsView contents={block.resource} />
        </div>
      )
    case 'resource_link':
      return (
        <div className="content content-link" data-kind="resource_link">
          <div className="hint">resource link</div>
          <div>
            <strong>{block.title ?? block.name}</strong>{' '}
            <code>{block.uri}</code>
            {block.mimeType !== undefined && (
              <span className="hint"> {block.mimeType}</span>
            )}
          </div>
          {block.description !== undefined && (
            <div className="hint">{block.description}</div>
          )}
          {readLink !== undefined && (
            <LinkReader uri={block.uri} read={readLink} />
          )}
        </div>
      )
    default:
      return (
        <div className="content" data-kind="unknown">
          <div className="hint">unknown content type</div>
          <LongText text={JSON.stringify(block, null, 2)} />
        </div>
      )
  }
}

export function ResourceContentsView({
  contents,
}: {
  contents: ResourceContents
}) {
  const mime = contents.mimeType ?? ''
  return (
    <div className="resource-contents">
      <div>
        <code>{contents.uri}</code>{' '}
        {mime && <span className="hint">{mime}</span>}
      </div>
      {'text' in contents && typeof contents.text === 'string' ? (
        <LongText
          text={contents.text}
          filename={fileName(contents.uri, 'txt')}
        />
      ) : 'blob' in contents && typeof contents.blob === 'string' ? (
        <BlobView blob={contents.blob} mime={mime} uri={contents.uri} />
      ) : null}
    </div>
  )
}

function BlobView({
  blob,
  mime,
  uri,
}: {
  blob: string
  mime: string
  uri: string
}) {
  const image = mediaUrl('image', mime, blob)
  const text = textOf(blob, mime)
  return (
    <div>
      <span className="hint">
        {Math.round((blob.length * 3) / 4).toLocaleString()} bytes (base64
        blob){' '}
      </span>
      <button
        type="button"
        className="small"
        onClick={() =>
          download(
            fileName(uri, 'bin'),
            base64Bytes(blob),
            mime || 'application/octet-stream',
          )
        }
      >
        Download
      </button>
      {image !== null && <ZoomableImage src={image} alt={uri} />}
      {text !== null && (
        <LongText text={text} filename={fileName(uri, 'txt')} />
      )}
    </div>
  )
}

const TEXTUAL =
  /^(text\/[\w.+-]+|application\/(json|xml|javascript|yaml|x-yaml|toml|[\w.+-]+\+(json|xml)))(;|$)/i

/** A base64 blob of a text type, decoded for a preview; null for binary types or bad UTF-8. */
export function textOf(blob: string, mime: string): string | null {
  if (!TEXTUAL.test(mime)) return null
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(base64Bytes(blob))
  } catch {
    return null
  }
}

function fileName(uri: string, ext: string): string {
  const last = uri.split(/[/:]/).filter(Boolean).at(-1) ?? 'resource'
  return last.includes('.') ? last : `${last}.${ext}`
}

function LinkReader({
  uri,
  read,
}: {
  uri: string
  read: (uri: string) => Promise<ReadResourceResult>
}) {
  const [state, setState] = useState<{
    result?: ReadResourceResult
    error?: string
  }>()
  return (
    <div>
      <button
        type="button"
        className="small"
        onClick={() =>
          read(uri).then(
            (result) => setState({ result }),
            (error: unknown) =>
              setState({
                error: error instanceof Error ? error.message : String(error),
              }),
          )
        }
      >
        Read
      </button>
      {state?.error !== undefined && (
        <div className="hint error">{state.error}</div>
      )}
      {Array.isArray(state?.result?.contents) &&
        state.result.contents.map((c, i) => (
          <ResourceContentsView key={i} contents={c} />
        ))}
    </div>
  )
}
