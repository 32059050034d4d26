import { waitFor, within } from '@testing-library/react'

/** The inside of the `index`th devtools on the page (their content lives in a shadow root). */
export async function devtools(index = 0): Promise<HTMLElement> {
  return waitFor(() => {
    const host = document.querySelectorAll('[data-mcp-sse-devtools]')[index]
    const root = host?.shadowRoot?.querySelector('[data-devtools-root]')
    if (!(root instanceof HTMLElement))
      throw new Error(`devtools #${String(index)} has not rendered (yet)`)
    return root
  })
}

/** Queries inside the `index`th devtools. */
export async function inDevtools(index = 0) {
  return within(await devtools(index))
}

/** The element focused inside the `index`th devtools' shadow root, if any. */
export function focusedIn(index = 0): Element | null {
  const host = document.querySelectorAll('[data-mcp-sse-devtools]')[index]
  return host?.shadowRoot?.activeElement ?? null
}
