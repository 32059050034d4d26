import type {
  FocusEvent as ReactFocusEvent,
  KeyboardEvent as ReactKeyboardEvent,
} from 'react'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** What Tab visits inside `container`, in document order. */
export function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !element.closest('[hidden], [inert]'),
  )
}

/** The focused element inside the shadow root that holds `container` (or the document's). */
function activeIn(container: HTMLElement): Element | null {
  const root = container.getRootNode()
  return root instanceof ShadowRoot || root instanceof Document
    ? root.activeElement
    : null
}

/**
 * Keeps Tab and Shift+Tab inside the panel while it is open: from the last element Tab wraps to
 * the first, and the other way round. Written here rather than taken from a focus-trap library
 * because the panel is a non-modal dock inside a shadow root: clicks on the app must keep working,
 * only keyboard focus is held.
 */
export function trapTab(
  event: ReactKeyboardEvent<HTMLElement>,
  container: HTMLElement,
): void {
  if (event.key !== 'Tab') return
  const items = focusables(container)
  const first = items[0]
  const last = items[items.length - 1]
  if (!first || !last) {
    event.preventDefault()
    container.focus()
    return
  }
  const active = activeIn(container)
  const inside = active instanceof HTMLElement && container.contains(active)
  if (event.shiftKey && (active === first || !inside)) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault()
    first.focus()
  }
}

/**
 * Gives the focus back to `container` when the element that had it lost it by being disabled or
 * removed (the inspector disables "Call" while a call runs, and the browser then drops the focus
 * on the page's body): the keyboard stays in the panel, and Esc still closes it. A click on the app
 * beside the panel moves the focus away from an element that is still there: that is left alone.
 */
export function keepFocus(
  event: ReactFocusEvent<HTMLElement>,
  container: HTMLElement,
): void {
  if (event.relatedTarget !== null) return
  const lost = event.target
  setTimeout(() => {
    const gone =
      !lost.isConnected ||
      lost.matches(':disabled') ||
      lost.closest('[hidden], [inert]') !== null
    const elsewhere = document.activeElement !== document.body
    if (gone && !elsewhere && activeIn(container) === null && !container.hidden)
      container.focus()
  })
}
