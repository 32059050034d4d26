import type { FocusEvent } from 'react'
import { afterEach, expect, it } from 'vitest'
import { keepFocus } from '../shell/focus-trap'

afterEach(() => {
  document.body.replaceChildren()
})

/**
 * A dock with one button, focused, in a shadow root as the devtools' is; and the blur event the
 * dock sees when the button loses the focus.
 */
function dockWithButton() {
  const host = document.createElement('div')
  document.body.append(host)
  const container = document.createElement('div')
  container.tabIndex = -1
  const button = document.createElement('button')
  container.append(button)
  host.attachShadow({ mode: 'open' }).append(container)
  button.focus()
  const blur = {
    relatedTarget: null,
    target: button,
  } as unknown as FocusEvent<HTMLElement>
  return { container, button, blur }
}

const aTaskLater = () => new Promise((resolve) => setTimeout(resolve, 5))

it('gives the focus back to a button that was disabled, and enabled again before it could', async () => {
  const { container, button, blur } = dockWithButton()
  button.disabled = true
  button.blur()
  keepFocus(blur, container)
  button.disabled = false // a quick call is over before the task runs
  await aTaskLater()
  expect(container.getRootNode()).toHaveProperty('activeElement', button)
})

it('gives the focus to the dock while the button stays disabled', async () => {
  const { container, button, blur } = dockWithButton()
  button.disabled = true
  button.blur()
  keepFocus(blur, container)
  await aTaskLater()
  expect(container.getRootNode()).toHaveProperty('activeElement', container)
})

it('leaves the focus alone when it left a button that is still usable', async () => {
  const { container, button, blur } = dockWithButton()
  button.blur() // a click on the page beside the panel
  keepFocus(blur, container)
  await aTaskLater()
  expect(document.activeElement).toBe(document.body)
  expect(container.getRootNode()).toHaveProperty('activeElement', null)
})
