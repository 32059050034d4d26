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

/** Whether `element` can no longer hold the focus: removed, disabled, or hidden. */
function unfocusable(element: HTMLElement): boolean {
  return (
    !element.isConnected ||
    element.matches(':disabled') ||
    element.closest('[hidden], [inert]') !== null
  )
}

/**
 * Gives the focus back when the element that had it lost it by being disabled or removed (the
 * inspector disables "Call" while a call runs, and the browser then drops the focus on the page's
 * body): the keyboard stays in the panel, and Esc still closes it. Judged when the focus is lost as
 * well as a task later, since a quick call can enable the button again in between; the focus then
 * goes back to that element, or else to `container`. A click on the app beside the panel moves the
 * focus away from an element that is still usable: that is left alone.
 */
export function keepFocus(
  event: ReactFocusEvent<HTMLElement>,
  container: HTMLElement,
): void {
  if (event.relatedTarget !== null) return
  const lost = event.target
  const goneAtBlur = unfocusable(lost)
  setTimeout(() => {
    const goneNow = unfocusable(lost)
    const elsewhere = document.activeElement !== document.body
    if (!(goneAtBlur || goneNow) || elsewhere) return
    if (activeIn(container) !== null || container.hidden) return
    if (!goneNow && container.contains(lost)) lost.focus()
    else container.focus()
  })
}
