import { createMCPServer } from '@mcp-sse/msw'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { safeIconSrc } from '../ui/Icon'
import { openTab, ready, renderApp, useNetwork } from '../test/mock-servers'

/** Markup that runs script wherever a string is put into the page as HTML. */
const HTML = `<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=1</script>`
const JS_URL = 'javascript:globalThis.__pwned=1'

const icons = [
  { src: JS_URL },
  { src: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
  { src: 'http://tracker.test/pixel.png' },
  { src: `https://icons.test/a.png" onerror="globalThis.__pwned=1` },
  { src: '/relative/on/our/own/host.png' },
]

const hostile = createMCPServer({
  url: 'http://hostile.test',
  transport: 'streamable-http',
  serverInfo: { name: HTML, version: HTML },
  instructions: HTML,
  tools: [
    {
      name: 'evil',
      title: HTML,
      description: HTML,
      icons,
      annotations: { title: HTML, readOnlyHint: true },
      inputSchema: {
        type: 'object',
        properties: { [HTML]: { type: 'string', description: HTML } },
      },
      run: () => ({
        content: [
          {
            type: 'text',
            text: HTML,
            annotations: { audience: [HTML as 'user'], priority: 0.5 },
          },
          { type: 'resource_link', uri: JS_URL, name: HTML, description: HTML },
        ],
      }),
    },
  ],
  resources: [{ uri: JS_URL, name: HTML, title: HTML, icons, text: HTML }],
  resourceTemplates: [
    { uriTemplate: `${JS_URL}/{${HTML}}`, name: HTML, icons },
  ],
  prompts: [
    {
      name: 'p',
      title: HTML,
      description: HTML,
      icons,
      arguments: [{ name: 'a', description: HTML }],
      get: () => ({ messages: [] }),
    },
  ],
})

useNetwork({ servers: [hostile] })

afterEach(() => {
  vi.restoreAllMocks()
  delete (globalThis as { __pwned?: unknown }).__pwned
})

/** Attributes a browser follows or loads; text in any other attribute (a title) is inert. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'srcset',
  'data',
  'poster',
])

/** Nothing the server said became an element, a handler, or a script URL. */
function assertInert() {
  expect(document.querySelector('script')).toBeNull()
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(
        false,
      )
      if (URL_ATTRIBUTES.has(attr.name))
        expect(attr.value.trim().toLowerCase().startsWith('javascript:')).toBe(
          false,
        )
    }
  }
  for (const img of document.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? ''
    expect(src.startsWith('https:') || src.startsWith('data:image/')).toBe(true)
  }
  expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined()
}

describe('server text is inert', () => {
  it('loads icons only from https: and data:image URIs', () => {
    expect(safeIconSrc('https://icons.test/a.png')).toBe(
      'https://icons.test/a.png',
    )
    expect(safeIconSrc('data:image/png;base64,iVBORw0KGgo=')).toMatch(
      /^data:image\/png/,
    )
    expect(
      safeIconSrc('data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='),
    ).not.toBeNull()
    for (const bad of [
      JS_URL,
      'data:text/html;base64,PHNjcmlwdD4=',
      'data:image/png,<svg onload=x>',
      'http://tracker.test/pixel.png',
      '/relative.png',
      'vbscript:x',
      42,
    ])
      expect(safeIconSrc(bad)).toBeNull()
  })

  it('renders tool, resource, template and prompt names, titles, descriptions and icons as text', async () => {
    renderApp('http://hostile.test/mcp')
    await ready()
    const card = screen.getByTestId('session-s1')
    expect(card.textContent).toContain(HTML)
    fireEvent.click(await screen.findByTestId('tool-evil'))
    expect(screen.getAllByText(HTML).length).toBeGreaterThan(1)
    fireEvent.click(screen.getByRole('button', { name: 'Call evil' }))
    await screen.findByTestId('tool-result')
    assertInert()
    openTab('Resources')
    await screen.findByRole('list', { name: 'Resources' })
    await waitFor(() =>
      expect(screen.getAllByText(JS_URL).length).toBeGreaterThan(0),
    )
    fireEvent.click(
      screen.getAllByRole('button', {
        name: new RegExp(JS_URL.slice(0, 10)),
      })[0] as HTMLElement,
    )
    assertInert()
    openTab('Prompts')
    fireEvent.click(await screen.findByTestId('prompt-p'))
    assertInert()
  })

  it('renders sampling messages, system prompt, hints and tools as text', async () => {
    renderApp('http://hostile.test/mcp')
    await ready()
    void hostile
      .request('sampling/createMessage', {
        messages: [
          { role: 'user', content: { type: 'text', text: HTML } },
          {
            role: 'assistant',
            content: [
              { type: 'tool_use', id: HTML, name: HTML, input: { x: HTML } },
            ],
          },
          {
            role: 'user',
            content: {
              type: 'image',
              mimeType: 'text/html',
              data: 'PHNjcmlwdD4=',
            },
          },
        ],
        systemPrompt: HTML,
        modelPreferences: { hints: [{ name: HTML }] },
        stopSequences: [HTML],
        tools: [
          {
            name: HTML,
            description: HTML,
            icons,
            inputSchema: { type: 'object' },
          },
        ],
        maxTokens: 5,
      })
      .catch(() => {})
    openTab('Requests')
    const card = await screen.findByRole('article', {
      name: /^Sampling request/,
    })
    expect(card.textContent).toContain(HTML)
    expect(card.textContent).toMatch(/Not shown: declared type “text\/html”/)
    assertInert()
  })

  it('renders elicitation messages, schema titles, descriptions, enum titles and URLs as text', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    renderApp('http://hostile.test/mcp')
    await ready()
    void hostile
      .request('elicitation/create', {
        message: HTML,
        requestedSchema: {
          type: 'object',
          properties: {
            a: { type: 'string', title: HTML, description: HTML },
            b: { type: 'string', enum: ['x', 'y'], enumNames: [HTML, HTML] },
            c: { type: 'string', oneOf: [{ const: HTML, title: HTML }] },
            d: {
              type: 'array',
              items: { anyOf: [{ const: 'q', title: HTML }] },
            },
          },
        },
      })
      .catch(() => {})
    void hostile
      .request('elicitation/create', {
        mode: 'url',
        message: HTML,
        url: `https://ok.test/"><img src=x onerror="globalThis.__pwned=1">`,
        elicitationId: HTML,
      })
      .catch(() => {})
    void hostile
      .request('elicitation/create', {
        mode: 'url',
        message: HTML,
        url: JS_URL,
        elicitationId: 'js',
      })
      .catch(() => {})
    openTab('Requests')
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(3))
    for (const card of screen.getAllByRole('article'))
      expect(card.textContent).toContain(HTML)
    expect(screen.getByText(JS_URL)).toBeTruthy()
    assertInert()
    expect(open).not.toHaveBeenCalled()
  })
})
