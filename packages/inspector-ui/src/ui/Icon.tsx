/** An MCP `Icon` (2025-11-25): where the image is, and what it is. */
interface IconLike {
  src?: unknown
  mimeType?: unknown
  theme?: unknown
}

const DATA_IMAGE =
  /^data:image\/(png|jpeg|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon|svg\+xml);base64,[A-Za-z0-9+/=]+$/i

/**
 * The icon's address when the page may load it: an `https:` URL, or a base64 `data:image/…` URI.
 * Anything else (`http:` would leak the page's traffic, `javascript:`, `data:text/html`, a relative
 * path on this page's own host) is refused. Loaded only as an `<img>`, which runs no script even
 * for SVG.
 */
export function safeIconSrc(src: unknown): string | null {
  if (typeof src !== 'string') return null
  const trimmed = src.trim()
  if (DATA_IMAGE.test(trimmed)) return trimmed
  try {
    const url = new URL(trimmed)
    return url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function prefersDark(): boolean {
  if (typeof document === 'undefined') return false
  const pinned = document.documentElement.dataset.theme
  if (pinned !== undefined) return pinned === 'dark'
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false
}

/** The item's first usable icon (one for the current theme when it offers both), or nothing. */
export function ItemIcon({
  icons,
  size = 16,
}: {
  icons: unknown
  size?: number
}) {
  if (!Array.isArray(icons)) return null
  const usable = (icons as IconLike[]).filter(
    (icon) => safeIconSrc(icon?.src) !== null,
  )
  const theme = prefersDark() ? 'dark' : 'light'
  const icon =
    usable.find((i) => i.theme === theme) ??
    usable.find((i) => i.theme === undefined) ??
    usable[0]
  const src = icon === undefined ? null : safeIconSrc(icon.src)
  if (src === null) return null
  return (
    <img
      className="item-icon"
      src={src}
      width={size}
      height={size}
      alt=""
      referrerPolicy="no-referrer"
      loading="lazy"
      decoding="async"
    />
  )
}
