import { fireEvent, waitFor, within } from '@testing-library/react'

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

/**
 * How many events of `session` the inspector's log shows for a JSON-RPC `method` sent by the
 * client, read from its own filters and count (its rows are virtual: jsdom lays none out).
 */
export function sentInLog(
  view: ReturnType<typeof within>,
  session: string,
  method: string,
): number {
  fireEvent.change(view.getByRole('combobox', { name: 'Session filter' }), {
    target: { value: session },
  })
  fireEvent.change(view.getByRole('combobox', { name: 'Kind filter' }), {
    target: { value: 'message-out' },
  })
  fireEvent.change(view.getByRole('textbox', { name: 'Method filter' }), {
    target: { value: method },
  })
  const count = view.getByTestId('log-count').textContent ?? ''
  return Number(count.split(' / ')[0]?.replace(/,/g, ''))
}

/** The session card of `id` in the inspector's session list. */
export function sessionCard(view: ReturnType<typeof within>, id: string) {
  return view.getByTestId(`session-${id}`)
}
