import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ALL_CAPABILITIES } from '../capabilities/capabilities'
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

const simple = (text: string) => ({
  messages: [{ role: 'user', content: { type: 'text', text } }],
  maxTokens: 50,
})

function card(name: RegExp = /^Sampling request/) {
  return screen.findByRole('article', { name })
}

describe('sampling requests', () => {
  it('shows everything a request with tools asks for, under the call it came from', async () => {
    renderApp('http://asker.test/mcp')
    await openTool('ask-llm')
    fireEvent.click(await screen.findByRole('button', { name: 'Call ask-llm' }))
    const request = await card()
    const text = request.textContent ?? ''
    expect(text).toMatch(/s1 #\S+ during tools\/call ask-llm #\d+/)
    expect(text).not.toContain('probably')
    expect(text).toContain('You are a weather bot.')
    expect(text).toContain('What is the weather in Paris?')
    expect(text).toContain('tool_use')
    expect(text).toContain('get_weather')
    expect(text).toContain('18°C, cloudy')
    expect(text).toContain('claude-3')
    expect(text).toMatch(/cost 0.2 · speed 0.5 · intelligence 0.9/)
    expect(text).toContain('321')
    expect(text).toContain('"END"')
    expect(text).toMatch(
      /1 tool\(s\) the model may use · tool choice: required/,
    )
    // The reply is written by the user; Approve waits for it.
    const approve = within(request).getByRole('button', {
      name: 'Approve reply',
    })
    expect((approve as HTMLButtonElement).disabled).toBe(true)
    fireEvent.change(
      within(request).getByRole('textbox', { name: 'Reply text' }),
      {
        target: { value: 'Take an umbrella.' },
      },
    )
    fireEvent.change(
      within(request).getByRole('textbox', { name: 'Model name' }),
      {
        target: { value: 'human-1' },
      },
    )
    fireEvent.change(
      within(request).getByRole('combobox', { name: 'Stop reason' }),
      {
        target: { value: 'maxTokens' },
      },
    )
    fireEvent.click(approve)
    const result = await screen.findByTestId('tool-result')
    expect(JSON.parse(result.querySelector('pre')?.textContent ?? '')).toEqual({
      role: 'assistant',
      content: { type: 'text', text: 'Take an umbrella.' },
      model: 'human-1',
      stopReason: 'maxTokens',
    })
    // The settled card says what was sent.
    openTab('Requests')
    expect((await card()).textContent).toMatch(
      /Answered: assistant text, 17 characters, as human-1/,
    )
  })

  it('sends error -1 when the user rejects', async () => {
    renderApp()
    await ready()
    let outcome: unknown
    const asked = mock
      .request('sampling/createMessage', simple('hello?'))
      .catch((error: unknown) => (outcome = error))
    openTab('Requests')
    fireEvent.click(
      within(await card()).getByRole('button', { name: 'Reject' }),
    )
    await asked
    expect(String(outcome)).toMatch(/User rejected sampling request/)
    const answer = mock.received.find(
      (r) => 'error' in r.message && r.message.error.code === -1,
    )
    expect(answer).toBeDefined()
    expect((await card()).dataset.state).toBe('rejected')
  })

  it('keeps two pending requests apart, each answered on its own', async () => {
    renderApp()
    await ready()
    const first = mock.request(
      'sampling/createMessage',
      simple('first question'),
    )
    const second = mock.request(
      'sampling/createMessage',
      simple('second question'),
    )
    openTab('Requests')
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2))
    // The Requests tab counts them (the playground's top bar does too, across sessions).
    expect(screen.getByLabelText('2 waiting').textContent).toBe('2')
    const [a, b] = screen.getAllByRole('article')
    expect(a?.textContent).toContain('first question')
    expect(b?.textContent).toContain('second question')
    // Nothing tied them to one call: HTTP+SSE has one stream, and no tool call is running.
    expect(a?.textContent).not.toMatch(/during/)
    fireEvent.change(
      within(b as HTMLElement).getByRole('textbox', { name: 'Reply text' }),
      {
        target: { value: 'two' },
      },
    )
    fireEvent.click(
      within(b as HTMLElement).getByRole('button', { name: 'Approve reply' }),
    )
    expect(await second).toMatchObject({ content: { text: 'two' } })
    fireEvent.change(
      within(a as HTMLElement).getByRole('textbox', { name: 'Reply text' }),
      {
        target: { value: 'one' },
      },
    )
    fireEvent.keyDown(
      within(a as HTMLElement).getByRole('textbox', { name: 'Reply text' }),
      {
        key: 'Enter',
        ctrlKey: true,
      },
    )
    expect(await first).toMatchObject({ content: { text: 'one' } })
  })

  it('keeps a half-written reply across panels, and says the server is waiting', async () => {
    renderApp()
    await ready()
    const asked = mock.request('sampling/createMessage', simple('still there?'))
    openTab('Requests')
    fireEvent.change(
      within(await card()).getByRole('textbox', { name: 'Reply text' }),
      {
        target: { value: 'half a tho' },
      },
    )
    openTab('Resources')
    expect(screen.getByText(/A server is waiting for your answer/)).toBeTruthy()
    openTab('Requests')
    const reply = within(await card()).getByRole('textbox', {
      name: 'Reply text',
    })
    expect((reply as HTMLTextAreaElement).value).toBe('half a tho')
    fireEvent.change(reply, { target: { value: 'half a thought' } })
    fireEvent.click(
      within(await card()).getByRole('button', { name: 'Approve reply' }),
    )
    expect(await asked).toMatchObject({ content: { text: 'half a thought' } })
  })

  it('withdraws the card when the server cancels the request', async () => {
    renderApp()
    await ready()
    void mock
      .request('sampling/createMessage', simple('never mind'))
      .catch(() => {})
    openTab('Requests')
    const id = (await card()).dataset.testid?.replace(/^request-s1:/, '')
    act(() =>
      mock.notify('notifications/cancelled', {
        requestId: id,
        reason: 'timeout',
      }),
    )
    await waitFor(async () =>
      expect((await card()).dataset.state).toBe('withdrawn'),
    )
    expect((await card()).textContent).toMatch(
      /The server cancelled this request/,
    )
  })

  it('declares only the chosen capabilities: without sampling, the request is refused', async () => {
    renderApp('http://mcp.test', true, {
      capabilities: { ...ALL_CAPABILITIES, sampling: false },
    })
    await ready()
    const init = await mock.waitForMessage('initialize')
    const declared = (
      init.message as unknown as {
        params: { capabilities: Record<string, unknown> }
      }
    ).params.capabilities
    expect(declared.sampling).toBeUndefined()
    expect(declared.elicitation).toEqual({ form: {}, url: {} })
    expect(screen.getByTestId('client-caps').textContent).toBe(
      'elicitation (form), elicitation (URL), roots, tasks',
    )
    await expect(
      mock.request('sampling/createMessage', simple('x')),
    ).rejects.toThrow(/Method not found/)
    expect(screen.queryByRole('article')).toBeNull()
  })
})
