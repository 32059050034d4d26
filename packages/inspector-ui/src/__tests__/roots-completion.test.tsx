import type { CompleteParams } from '@mcp-sse/core'
import { createMCPServer } from '@mcp-sse/msw'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ALL_CAPABILITIES } from '../capabilities/capabilities'
import {
  mock,
  openTab,
  ready,
  renderApp,
  useNetwork,
} from '../test/mock-servers'

const asked: CompleteParams[] = []
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Completions whose speed depends on the value: the answer for "a" comes after the one for "ab". */
const completer = createMCPServer({
  url: 'http://complete.test',
  transport: 'streamable-http',
  prompts: [
    {
      name: 'team',
      arguments: [
        { name: 'department', required: true },
        { name: 'lead', required: true },
      ],
      get: ({ department, lead }) => ({
        messages: [
          {
            role: 'user',
            content: { type: 'text', text: `${lead} leads ${department}` },
          },
        ],
      }),
    },
  ],
  resourceTemplates: [
    {
      uriTemplate: 'users://{id}',
      name: 'user',
      read: (_uri, { id }) => `user ${String(id)}`,
    },
  ],
  complete: async (params) => {
    asked.push(params)
    const { name, value } = params.argument
    if (name === 'department') {
      if (value === 'a') await sleep(400)
      return ['alpha', 'abacus', 'abc', 'beta'].filter((d) =>
        d.startsWith(value),
      )
    }
    if (name === 'lead') {
      return params.context?.arguments?.department === 'beta'
        ? ['Bo', 'Bea']
        : ['Al']
    }
    return ['u-1', 'u-2'].filter((v) => v.startsWith(value))
  },
})

useNetwork({ servers: [completer] })

async function openPrompt() {
  renderApp('http://complete.test/mcp')
  await ready()
  openTab('Prompts')
  fireEvent.click(await screen.findByRole('button', { name: /^team/ }))
}

const options = () =>
  within(screen.getByRole('listbox'))
    .getAllByRole('option')
    .map((o) => o.textContent)

describe('completions', () => {
  it('asks as the user types, keeps the newest answer, and takes one with the keyboard', async () => {
    asked.length = 0
    await openPrompt()
    const input = screen.getByRole('combobox', { name: 'department' })
    fireEvent.focus(input)
    fireEvent.change(input, { target: { value: 'a' } })
    // The question for "a" is out (debounced) and slow; "ab" is asked after it and answered first.
    await waitFor(() =>
      expect(asked.map((p) => p.argument.value)).toContain('a'),
    )
    fireEvent.change(input, { target: { value: 'ab' } })
    await waitFor(() => expect(options()).toEqual(['abacus', 'abc']))
    await act(() => sleep(500))
    expect(asked.map((p) => p.argument.value)).toEqual(['a', 'ab'])
    expect(options()).toEqual(['abacus', 'abc'])
    // Arrows move through the list (wrapping); Enter takes the value.
    fireEvent.keyDown(input, { key: 'ArrowDown' })
    fireEvent.keyDown(input, { key: 'ArrowDown' })
    expect(input.getAttribute('aria-activedescendant')).toBe(
      screen.getByRole('option', { name: 'abc' }).id,
    )
    expect(
      screen.getByRole('option', { name: 'abc' }).getAttribute('aria-selected'),
    ).toBe('true')
    fireEvent.keyDown(input, { key: 'Enter' })
    expect((input as HTMLInputElement).value).toBe('abc')
    expect(screen.queryByRole('listbox')).toBeNull()
    // Escape closes without changing anything.
    fireEvent.change(input, { target: { value: 'b' } })
    await waitFor(() => expect(options()).toEqual(['beta']))
    fireEvent.keyDown(input, { key: 'Escape' })
    expect(screen.queryByRole('listbox')).toBeNull()
    expect((input as HTMLInputElement).value).toBe('b')
  })

  it('sends the other arguments as context', async () => {
    asked.length = 0
    await openPrompt()
    const department = screen.getByRole('combobox', { name: 'department' })
    fireEvent.focus(department)
    fireEvent.change(department, { target: { value: 'beta' } })
    fireEvent.blur(department)
    const lead = screen.getByRole('combobox', { name: 'lead' })
    fireEvent.focus(lead)
    await waitFor(() => expect(options()).toEqual(['Bo', 'Bea']))
    const question = asked.find((p) => p.argument.name === 'lead')
    expect(question).toEqual({
      ref: { type: 'ref/prompt', name: 'team' },
      argument: { name: 'lead', value: '' },
      context: { arguments: { department: 'beta' } },
    })
    fireEvent.click(screen.getByRole('option', { name: 'Bea' }))
    fireEvent.click(screen.getByRole('button', { name: 'Get prompt' }))
    expect(await screen.findByText('Bea leads beta')).toBeTruthy()
  })

  it('completes a template parameter, and reads only once every parameter is filled', async () => {
    asked.length = 0
    renderApp('http://complete.test/mcp')
    await ready()
    openTab('Resources')
    const form = await screen.findByRole('form', { name: 'Template user' })
    const read = within(form).getByRole('button', {
      name: 'Read',
    }) as HTMLButtonElement
    expect(read.disabled).toBe(true)
    expect(form.textContent).toContain('Fill id to read.')
    const id = within(form).getByRole('combobox', { name: 'user id' })
    fireEvent.focus(id)
    fireEvent.change(id, { target: { value: 'u' } })
    await waitFor(() => expect(options()).toEqual(['u-1', 'u-2']))
    expect(asked.at(-1)?.ref).toEqual({
      type: 'ref/resource',
      uri: 'users://{id}',
    })
    fireEvent.click(screen.getByRole('option', { name: 'u-2' }))
    expect(read.disabled).toBe(false)
    fireEvent.click(read)
    expect(await screen.findByText('user u-2')).toBeTruthy()
  })
})

describe('roots', () => {
  it('answers roots/list with the edited roots and announces each save', async () => {
    renderApp()
    await ready()
    expect(await mock.request('roots/list')).toEqual({ roots: [] })
    openTab('Roots')
    fireEvent.click(screen.getByRole('button', { name: '+ root' }))
    const uri = screen.getByRole('textbox', { name: 'Root 1 URI' })
    fireEvent.change(uri, { target: { value: 'https://example.com/repo' } })
    expect(screen.getByText(/Roots must be file:\/\/ URIs/)).toBeTruthy()
    fireEvent.change(uri, { target: { value: 'file:///home/ada/engine' } })
    fireEvent.change(screen.getByRole('textbox', { name: 'Root 1 name' }), {
      target: { value: 'engine' },
    })
    // Unsaved edits are not what the server sees.
    expect(await mock.request('roots/list')).toEqual({ roots: [] })
    fireEvent.click(screen.getByRole('button', { name: 'Save and announce' }))
    await mock.waitForMessage('notifications/roots/list_changed')
    expect(
      await screen.findByText(/notifications\/roots\/list_changed sent to s1/),
    ).toBeTruthy()
    expect(await mock.request('roots/list')).toEqual({
      roots: [{ uri: 'file:///home/ada/engine', name: 'engine' }],
    })
  })

  it('does not answer roots/list when roots were not declared', async () => {
    renderApp('http://mcp.test', true, {
      capabilities: { ...ALL_CAPABILITIES, roots: false },
    })
    await ready()
    await expect(mock.request('roots/list')).rejects.toThrow(/Method not found/)
    openTab('Roots')
    fireEvent.click(screen.getByRole('button', { name: '+ root' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Root 1 URI' }), {
      target: { value: 'file:///x' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Save and announce' }))
    expect(
      await screen.findByText(/No connected session declared roots/),
    ).toBeTruthy()
    expect(
      mock.received.some(
        (r) =>
          'method' in r.message &&
          r.message.method === 'notifications/roots/list_changed',
      ),
    ).toBe(false)
  })
})
