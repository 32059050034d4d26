import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { asker } from '../test/asker'
import {
  mock,
  openTab,
  openTool,
  ready,
  renderApp,
  useNetwork,
} from '../test/mock-servers'

useNetwork({ servers: [asker] })

afterEach(() => vi.restoreAllMocks())

/** A requested schema with every field kind 2025-11-25 allows, most with defaults. */
const EVERY_KIND = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Full name', minLength: 2 },
    email: { type: 'string', format: 'email', title: 'Email' },
    site: { type: 'string', format: 'uri', title: 'Homepage' },
    born: { type: 'string', format: 'date', title: 'Birthday' },
    age: {
      type: 'integer',
      minimum: 1,
      maximum: 120,
      default: 30,
      title: 'Age',
    },
    score: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: 0.5,
      title: 'Score',
    },
    agree: { type: 'boolean', default: false, title: 'Agree' },
    color: {
      type: 'string',
      enum: ['red', 'green'],
      default: 'red',
      title: 'Color',
    },
    hero: {
      type: 'string',
      title: 'Hero',
      oneOf: [
        { const: 'h1', title: 'Superman' },
        { const: 'h2', title: 'Wonder Woman' },
      ],
    },
    pet: {
      type: 'string',
      title: 'Pet',
      enum: ['p1', 'p2'],
      enumNames: ['Cat', 'Dog'],
      default: 'p2',
    },
    tools: {
      type: 'array',
      title: 'Tools',
      minItems: 1,
      maxItems: 2,
      items: { type: 'string', enum: ['hammer', 'saw', 'drill'] },
      default: ['saw'],
    },
    fish: {
      type: 'array',
      title: 'Fish',
      items: {
        anyOf: [
          { const: 'f1', title: 'Tuna' },
          { const: 'f2', title: 'Trout' },
        ],
      },
    },
  },
  required: ['name', 'email'],
}

async function card() {
  openTab('Requests')
  return screen.findByRole('article', { name: /^Elicitation request/ })
}

function field(scope: HTMLElement, label: RegExp) {
  return within(scope).getByLabelText(label) as HTMLInputElement
}

describe('form elicitation', () => {
  it('renders every field kind with its defaults, checks it, and sends the typed answer', async () => {
    renderApp()
    await ready()
    const answer = mock.request('elicitation/create', {
      message: 'Tell us about you',
      requestedSchema: EVERY_KIND,
    })
    const form = await card()
    expect(form.textContent).toContain('Tell us about you')
    // Defaults are applied up front.
    expect(field(form, /^Age/).value).toBe('30')
    expect(field(form, /^Score/).value).toBe('0.5')
    expect(field(form, /^Color/).value).toBe('red')
    expect(field(form, /^Pet/).value).toBe('p2')
    expect(within(form).getByRole('option', { name: 'Dog' })).toBeTruthy()
    expect(
      within(form).getByRole('option', { name: 'Wonder Woman' }),
    ).toBeTruthy()
    expect(field(form, /^Email/).type).toBe('email')
    expect(field(form, /^Homepage/).type).toBe('url')
    expect(field(form, /^Birthday/).type).toBe('date')
    expect(field(form, /^Age/).min).toBe('1')
    expect(field(form, /^Age/).max).toBe('120')
    const toolsGroup = within(form).getByRole('group', { name: /^Tools/ })
    expect(
      (
        within(toolsGroup).getByRole('checkbox', {
          name: 'saw',
        }) as HTMLInputElement
      ).checked,
    ).toBe(true)
    // Required fields empty, and the email malformed: Accept waits.
    const accept = within(form).getByRole('button', {
      name: 'Accept',
    }) as HTMLButtonElement
    expect(accept.disabled).toBe(true)
    fireEvent.change(field(form, /^Full name/), { target: { value: 'Ada' } })
    fireEvent.change(field(form, /^Email/), {
      target: { value: 'not-an-email' },
    })
    expect(form.textContent).toMatch(/String does not match format "email"/)
    expect(accept.disabled).toBe(true)
    fireEvent.change(field(form, /^Email/), {
      target: { value: 'ada@example.com' },
    })
    fireEvent.change(field(form, /^Age/), { target: { value: '500' } })
    expect(form.textContent).toMatch(/120/)
    expect(accept.disabled).toBe(true)
    fireEvent.change(field(form, /^Age/), { target: { value: '36' } })
    // Two tools is the most allowed; a third is refused.
    fireEvent.click(
      within(toolsGroup).getByRole('checkbox', { name: 'hammer' }),
    )
    fireEvent.click(within(toolsGroup).getByRole('checkbox', { name: 'drill' }))
    expect(accept.disabled).toBe(true)
    fireEvent.click(within(toolsGroup).getByRole('checkbox', { name: 'drill' }))
    fireEvent.change(field(form, /^Hero/), { target: { value: 'h2' } })
    fireEvent.click(
      within(within(form).getByRole('group', { name: /^Fish/ })).getByRole(
        'checkbox',
        { name: 'Trout' },
      ),
    )
    fireEvent.click(field(form, /^Agree/))
    expect(accept.disabled).toBe(false)
    fireEvent.click(accept)
    expect(await answer).toEqual({
      action: 'accept',
      content: {
        name: 'Ada',
        email: 'ada@example.com',
        age: 36,
        score: 0.5,
        agree: true,
        color: 'red',
        hero: 'h2',
        pet: 'p2',
        tools: ['saw', 'hammer'],
        fish: ['f2'],
      },
    })
  })

  it('declines and cancels without content', async () => {
    renderApp()
    await ready()
    const declined = mock.request('elicitation/create', {
      message: 'Share?',
      requestedSchema: EVERY_KIND,
    })
    fireEvent.click(
      within(await card()).getByRole('button', { name: 'Decline' }),
    )
    expect(await declined).toEqual({ action: 'decline' })
    const cancelled = mock.request('elicitation/create', {
      message: 'Share again?',
      requestedSchema: { type: 'object', properties: {} },
    })
    const second = await waitFor(() => {
      const pending = screen
        .getAllByRole('article')
        .find((a) => a.dataset.state === 'pending')
      if (pending === undefined) throw new Error('no pending card yet')
      return pending
    })
    expect(second?.textContent).toMatch(/only a yes or no/)
    fireEvent.click(
      within(second as HTMLElement).getByRole('button', { name: 'Cancel' }),
    )
    expect(await cancelled).toEqual({ action: 'cancel' })
  })

  it('shows the card under the tool call that asked', async () => {
    renderApp('http://asker.test/mcp')
    await openTool('ask-user')
    fireEvent.click(
      await screen.findByRole('button', { name: 'Call ask-user' }),
    )
    const inline = await screen.findByRole('region', {
      name: 'The server asks',
    })
    fireEvent.change(within(inline).getByLabelText(/^Your name/), {
      target: { value: 'Grace' },
    })
    fireEvent.click(within(inline).getByRole('button', { name: 'Accept' }))
    expect((await screen.findByTestId('tool-result')).textContent).toContain(
      '{"action":"accept","content":{"name":"Grace"}}',
    )
  })
})

describe('URL elicitation', () => {
  it('shows a URL on another origin as text, warns, and opens it only on click', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    renderApp()
    await ready()
    const answer = mock.request('elicitation/create', {
      mode: 'url',
      message: 'Sign in to continue',
      url: 'https://auth.other.test/login?state=abc',
      elicitationId: 'el-1',
    })
    const form = await card()
    expect(within(form).getByTestId('elicit-origin').textContent).toBe(
      'https://auth.other.test',
    )
    expect(within(form).getByTestId('elicit-url').textContent).toBe(
      'https://auth.other.test/login?state=abc',
    )
    expect(within(form).getByTestId('elicit-elsewhere').textContent).toContain(
      'not to the server (http://mcp.test)',
    )
    // Not a link: nothing to middle-click, nothing the page follows by itself.
    expect(form.querySelector('a')).toBeNull()
    expect(open).not.toHaveBeenCalled()
    fireEvent.click(
      within(form).getByRole('button', { name: 'Open auth.other.test' }),
    )
    expect(open).toHaveBeenCalledWith(
      'https://auth.other.test/login?state=abc',
      '_blank',
      'noopener,noreferrer',
    )
    expect(await answer).toEqual({ action: 'accept' })
  })

  it('refuses to open anything but http(s)', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    renderApp()
    await ready()
    const answer = mock.request('elicitation/create', {
      mode: 'url',
      message: 'Click me',
      url: 'javascript:alert(document.cookie)',
      elicitationId: 'el-2',
    })
    const form = await card()
    expect(within(form).getByRole('alert').textContent).toMatch(
      /not an http\(s\) link/,
    )
    const button = within(form).getByRole('button', {
      name: /^Open/,
    }) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    fireEvent.click(button)
    expect(open).not.toHaveBeenCalled()
    fireEvent.click(within(form).getByRole('button', { name: 'Decline' }))
    expect(await answer).toEqual({ action: 'decline' })
  })
})
