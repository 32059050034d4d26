import { MCPDevtools } from '@mcp-sse/devtools'
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { defaultSize } from '../shell/layout'
import { focusedIn, inDevtools } from './shadow'

afterEach(() => {
  cleanup()
  localStorage.clear()
})

// No connection is needed to drive the shell: an empty list of clients.
const none = [] as const

function press(key: string, init: KeyboardEventInit = {}) {
  fireEvent.keyDown(window, { key, code: `Key${key.toUpperCase()}`, ...init })
}

it('opens on Ctrl+Shift+M with focus inside, keeps Tab inside, and closes on Esc back to the toggle', async () => {
  render(
    <>
      <button type="button">app button</button>
      <MCPDevtools clients={none} />
    </>,
  )
  const view = await inDevtools()
  const dialog = view.getByRole('dialog', { hidden: true })
  const toggle = view.getByRole('button', { name: 'MCP devtools' })
  expect(dialog.hidden).toBe(true)

  press('M', { ctrlKey: true, shiftKey: true })
  await waitFor(() => expect(dialog.hidden).toBe(false))
  expect(toggle.getAttribute('aria-expanded')).toBe('true')
  const first = view.getByRole('button', { name: 'Dock right' })
  await waitFor(() => expect(focusedIn()).toBe(first))

  // Shift+Tab from the first control wraps to the last; Tab from the last wraps to the first.
  fireEvent.keyDown(first, { key: 'Tab', shiftKey: true })
  const last = view.getByRole('separator', { name: 'Resize the devtools' })
  expect(focusedIn()).toBe(last)
  fireEvent.keyDown(last, { key: 'Tab' })
  expect(focusedIn()).toBe(first)

  fireEvent.keyDown(first, { key: 'Escape' })
  expect(dialog.hidden).toBe(true)
  expect(focusedIn()).toBe(toggle)
})

it('takes another shortcut, or none, and refuses one that names no key', async () => {
  const page = render(<MCPDevtools clients={none} shortcut="Alt+D" />)
  const view = await inDevtools()
  const dialog = view.getByRole('dialog', { hidden: true })
  press('M', { ctrlKey: true, shiftKey: true })
  expect(dialog.hidden).toBe(true)
  press('d', { altKey: true })
  await waitFor(() => expect(dialog.hidden).toBe(false))
  press('d', { altKey: true })
  await waitFor(() => expect(dialog.hidden).toBe(true))

  page.rerender(<MCPDevtools clients={none} shortcut={false} />)
  press('d', { altKey: true })
  press('M', { ctrlKey: true, shiftKey: true })
  expect(dialog.hidden).toBe(true)
  // The toggle still works.
  fireEvent.click(view.getByRole('button', { name: 'MCP devtools' }))
  expect(dialog.hidden).toBe(false)
})

it('remembers where the dock sits and how big it is, under a namespaced key', async () => {
  const first = render(<MCPDevtools clients={none} initialIsOpen />)
  let view = await inDevtools()
  fireEvent.click(view.getByRole('button', { name: 'Dock right' }))
  const handle = view.getByRole('separator', { name: 'Resize the devtools' })
  fireEvent.keyDown(handle, { key: 'ArrowLeft' })
  const stored: unknown = JSON.parse(
    localStorage.getItem('mcp-sse-devtools:default') ?? 'null',
  )
  // Docking right keeps the size the bottom dock opened with; the arrow key adds a step.
  const size = defaultSize('bottom') + 24
  expect(stored).toEqual({ position: 'right', size })
  expect(view.getByRole('dialog').style.width).toBe(`${size}px`)
  first.unmount()

  render(<MCPDevtools clients={none} initialIsOpen />)
  view = await inDevtools()
  expect(view.getByRole('dialog').className).toContain('dock-right')
  expect(view.getByRole('dialog').style.width).toBe(`${size}px`)
  expect(view.getByRole('button', { name: 'Dock bottom' })).toBeTruthy()
})

it('resizes by dragging the edge', async () => {
  render(<MCPDevtools clients={none} initialIsOpen storageKey="drag" />)
  const view = await inDevtools()
  const handle = view.getByRole('separator', { name: 'Resize the devtools' })
  fireEvent.pointerDown(handle, { button: 0, clientY: 500 })
  fireEvent.pointerMove(window, { clientY: 400 })
  const dragged = defaultSize('bottom') + 100
  expect(view.getByRole('dialog').style.height).toBe(`${dragged}px`)
  fireEvent.pointerUp(window)
  expect(
    JSON.parse(localStorage.getItem('mcp-sse-devtools:drag') ?? 'null'),
  ).toEqual({
    position: 'bottom',
    size: dragged,
  })
})

it('keeps the focus in the panel when the focused control is disabled under it, so Esc still closes', async () => {
  render(<MCPDevtools clients={none} initialIsOpen />)
  const view = await inDevtools()
  const dialog = view.getByRole('dialog')
  // What a browser does when the inspector disables "Call" during a call: the focus falls out.
  const control = view.getByRole('button', { name: 'Clear' })
  control.focus()
  expect(focusedIn()).toBe(control)
  ;(control as HTMLButtonElement).disabled = true
  control.blur()
  await waitFor(() => expect(focusedIn()).toBe(dialog))
  fireEvent.keyDown(dialog, { key: 'Escape' })
  expect(dialog.hidden).toBe(true)
})
