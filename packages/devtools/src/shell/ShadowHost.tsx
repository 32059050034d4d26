import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { STYLES } from './styles'

export interface ShadowHostProps {
  /** `data-mcp-sse-devtools` on the host, for tests and for the user's own selectors. */
  name: string
  children: ReactNode
}

/**
 * Renders its children inside a shadow root with the devtools' style sheet: no rule of the host
 * page reaches in (except inherited properties, reset on `:host`), and none of ours leaks out.
 */
export function ShadowHost({ name, children }: ShadowHostProps) {
  const host = useRef<HTMLDivElement>(null)
  const [root, setRoot] = useState<ShadowRoot | null>(null)
  useLayoutEffect(() => {
    const element = host.current
    if (!element) return
    // StrictMode runs this twice on one element, and a host keeps its shadow root for good.
    setRoot(element.shadowRoot ?? element.attachShadow({ mode: 'open' }))
  }, [])
  return (
    <div ref={host} data-mcp-sse-devtools={name}>
      {root &&
        createPortal(
          <>
            <style>{STYLES}</style>
            <div data-devtools-root="">{children}</div>
          </>,
          root,
        )}
    </div>
  )
}
