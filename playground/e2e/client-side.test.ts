import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  startServerEverything,
  type RunningServer,
  type ServerEverythingMode,
} from '@mcp-sse/testkit'
import { chromiumLaunchOptions } from '@mcp-sse/testkit/chromium'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt } from './build-site'
import { serveStatic, type StaticSite } from './static-server'

/**
 * The half of MCP where the server asks the client, against a real server-everything over both
 * transports: sampling, elicitation (form and URL), roots, completions and tasks, each driven the
 * way a user would, in the built site in Chromium.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const shots = process.env.UPDATE_SCREENSHOTS
  ? join(root, '..', 'docs', 'screenshots')
  : mkdtempSync(join(tmpdir(), 'mcp-sse-screenshots-'))

let site: StaticSite
let browser: Browser

beforeAll(async () => {
  site = await serveStatic(await ensureBuilt(root), '/inspector/')
  browser = await chromium.launch(chromiumLaunchOptions)
  mkdirSync(shots, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await site?.close()
})

async function openTool(page: Page, name: string) {
  const item = page.getByTestId(`tool-${name}`)
  await item.waitFor()
  await item.click()
}

/** An input of the open tool's form (the connect form has fields of the same names). */
function toolInput(page: Page, tool: string, name: string) {
  return page
    .getByRole('form', { name: `Call ${tool}` })
    .locator(`input[name="${name}"]`)
}

async function callTool(page: Page, name: string) {
  await page.getByRole('button', { name: new RegExp(`^Call ${name}`) }).click()
}

function pendingCard(page: Page, kind: 'Sampling' | 'Elicitation') {
  return page
    .locator(`article[data-state="pending"][aria-label^="${kind} request"]`)
    .first()
}

describe.each<[ServerEverythingMode, string]>([
  ['streamableHttp', 'Streamable HTTP'],
  ['sse', 'HTTP+SSE'],
])('server-to-client features over %s', (mode, label) => {
  let server: RunningServer
  let page: Page
  // The README's screenshots come from the Streamable HTTP run.
  const shoot = (name: string) =>
    mode === 'streamableHttp'
      ? page.screenshot({ path: join(shots, name) })
      : Promise.resolve()

  beforeAll(async () => {
    server = await startServerEverything({ mode })
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
    })
    page = await context.newPage()
    await page.goto(`${site.url}?url=${encodeURIComponent(server.endpointUrl)}`)
  })

  afterAll(async () => {
    await page?.context().close()
    await server?.stop()
  })

  it('declares every client capability, so the server offers its tools for them', async () => {
    const card = page.locator('[data-testid="session-s1"][data-status="ready"]')
    await card.waitFor()
    expect(await card.getByTestId('session-transport').textContent()).toBe(
      label,
    )
    expect(await card.getByTestId('client-caps').textContent()).toBe(
      'sampling, elicitation (form), elicitation (URL), roots, tasks',
    )
    // server-everything registers these only for clients that declared the capability.
    for (const tool of [
      'trigger-sampling-request',
      'trigger-elicitation-request',
      'trigger-url-elicitation',
      'get-roots-list',
      'trigger-sampling-request-async',
    ])
      await page.getByTestId(`tool-${tool}`).waitFor()
  })

  it('answers trigger-sampling-request with a reply written in the card', async () => {
    await openTool(page, 'trigger-sampling-request')
    await toolInput(page, 'trigger-sampling-request', 'prompt').fill(
      'Name a colour',
    )
    await callTool(page, 'trigger-sampling-request')
    const card = pendingCard(page, 'Sampling')
    await card.waitFor()
    expect(await card.textContent()).toContain('You are a helpful test server.')
    expect(await card.textContent()).toContain('Name a colour')
    expect(await card.textContent()).toMatch(
      /during tools\/call trigger-sampling-request/,
    )
    await card.getByRole('textbox', { name: 'Reply text' }).fill('Ultramarine.')
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shoot('sampling.png')
    await card.getByRole('button', { name: 'Approve reply' }).click()
    const result = page.getByTestId('tool-result')
    await result.filter({ hasText: 'Ultramarine.' }).waitFor()
    expect(await result.textContent()).toContain('inspector-human')
  })

  it('fills the form of trigger-elicitation-request, defaults applied', async () => {
    await openTool(page, 'trigger-elicitation-request')
    await callTool(page, 'trigger-elicitation-request')
    const card = pendingCard(page, 'Elicitation')
    await card.waitFor()
    // Required and empty: Accept waits until it is filled.
    const accept = card.getByRole('button', { name: 'Accept' })
    expect(await accept.isDisabled()).toBe(true)
    await card.getByLabel(/^String\*/).fill('Ada Lovelace')
    await card.getByLabel(/^Boolean/).check()
    expect(await card.getByLabel(/^Integer/).inputValue()).toBe('42')
    await card
      .getByLabel(/^Titled Single Select Enum/)
      .selectOption({ label: 'Wonder Woman' })
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shoot('elicitation.png')
    await accept.click()
    const result = page.getByTestId('tool-result')
    await result
      .filter({ hasText: 'User provided the requested information' })
      .waitFor()
    const text = await result.textContent()
    expect(text).toContain('Name: Ada Lovelace')
    expect(text).toContain('Agreed to terms: true')
    expect(text).toContain('"titledSingleSelectEnum": "hero-3"')
    expect(text).toContain('"untitledSingleSelectEnum": "Monica"')
  })

  it('shows a URL elicitation as text with its origin, and declines without opening it', async () => {
    await openTool(page, 'trigger-url-elicitation')
    await toolInput(page, 'trigger-url-elicitation', 'url').fill(
      'https://login.example.com/approve?x=1',
    )
    await callTool(page, 'trigger-url-elicitation')
    const card = pendingCard(page, 'Elicitation')
    await card.waitFor()
    expect(await card.getByTestId('elicit-origin').textContent()).toBe(
      'https://login.example.com',
    )
    expect(await card.getByTestId('elicit-url').textContent()).toBe(
      'https://login.example.com/approve?x=1',
    )
    await card.getByTestId('elicit-elsewhere').waitFor()
    expect(page.context().pages()).toHaveLength(1)
    await card.getByRole('button', { name: 'Decline' }).click()
    await page
      .getByTestId('tool-result')
      .filter({ hasText: 'User declined to open the URL' })
      .waitFor()
    expect(page.context().pages()).toHaveLength(1)
  })

  it('sends the edited roots: get-roots-list lists them after list_changed', async () => {
    await page.getByRole('tab', { name: 'Roots' }).click()
    await page.getByRole('button', { name: '+ root' }).click()
    await page
      .getByRole('textbox', { name: 'Root 1 URI' })
      .fill('file:///work/project')
    await page.getByRole('textbox', { name: 'Root 1 name' }).fill('project')
    await page.getByRole('button', { name: 'Save and announce' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: 'notifications/roots/list_changed sent to s1' })
      .waitFor()
    await shoot('roots.png')
    await page.getByRole('tab', { name: 'Tools' }).click()
    await openTool(page, 'get-roots-list')
    // The server asks roots/list again on list_changed; its tool shows what it holds.
    await expect
      .poll(async () => {
        await callTool(page, 'get-roots-list')
        await page.getByTestId('tool-result').waitFor()
        return page.getByTestId('tool-result').textContent()
      })
      .toContain('file:///work/project')
    expect(await page.getByTestId('tool-result').textContent()).toContain(
      'project',
    )
  })

  it('completes completable-prompt arguments from the suggestions, with the keyboard', async () => {
    await page.getByRole('tab', { name: 'Prompts' }).click()
    await page.getByTestId('prompt-completable-prompt').click()
    const department = page.getByRole('combobox', { name: 'department' })
    await department.fill('E')
    await page.getByRole('option', { name: 'Engineering' }).waitFor()
    await department.press('ArrowDown')
    await department.press('Enter')
    expect(await department.inputValue()).toBe('Engineering')
    // The department is sent as context: the names offered are that team's.
    const name = page.getByRole('combobox', { name: 'name' })
    await name.focus()
    await page.getByRole('option', { name: 'Bob' }).waitFor()
    expect(
      await page.getByRole('listbox').getByRole('option').allTextContents(),
    ).toEqual(['Alice', 'Bob', 'Charlie'])
    await shoot('completion.png')
    await page.getByRole('option', { name: 'Bob' }).click()
    await page.getByRole('button', { name: 'Get prompt' }).click()
    await page
      .getByRole('form', { name: 'Get completable-prompt' })
      .getByText('Please promote Bob to the head of the Engineering team.')
      .waitFor()
  })

  it('runs simulate-research-query as a task, answers its clarification, and watches it finish', async () => {
    await page.getByRole('tab', { name: 'Tools' }).click()
    await openTool(page, 'simulate-research-query')
    await toolInput(page, 'simulate-research-query', 'topic').fill('python')
    await page.getByRole('checkbox', { name: /ambiguous/ }).check()
    await page
      .getByRole('button', { name: 'Call simulate-research-query as task' })
      .click()
    const task = page.locator('.inline-task .task')
    await task.waitFor()
    // The server needs input: its elicitation arrives during tasks/result.
    const card = pendingCard(page, 'Elicitation')
    await card.waitFor({ timeout: 15_000 })
    await expect
      .poll(() => task.getAttribute('data-status'))
      .toBe('input_required')
    await card
      .getByLabel(/^Clarification/)
      .selectOption({ label: 'Python programming language' })
    await card.getByRole('button', { name: 'Accept' }).click()
    await page
      .locator('.inline-task .task[data-status="completed"]')
      .waitFor({ timeout: 20_000 })
    expect(await task.getByTestId('tool-result').textContent()).toContain(
      'Research Report: python (programming)',
    )
    await page.getByRole('button', { name: 'All tasks' }).click()
    await page.getByRole('tab', { name: 'Tasks', selected: true }).waitFor()
    await shoot('tasks.png')
  })

  it('runs a sampling request the server asked for as a client task', async () => {
    await page.getByRole('tab', { name: 'Tools' }).click()
    await openTool(page, 'trigger-sampling-request-async')
    await toolInput(page, 'trigger-sampling-request-async', 'prompt').fill(
      'Count to three',
    )
    await callTool(page, 'trigger-sampling-request-async')
    const card = pendingCard(page, 'Sampling')
    await card.waitFor()
    expect(await card.textContent()).toMatch(
      /runs as client task inspector-task-\d+/,
    )
    await card
      .getByRole('textbox', { name: 'Reply text' })
      .fill('One, two, three.')
    await card.getByRole('button', { name: 'Approve reply' }).click()
    const result = page.getByTestId('tool-result')
    await result
      .filter({ hasText: 'Async sampling completed' })
      .waitFor({ timeout: 15_000 })
    expect(await result.textContent()).toContain('One, two, three.')
  })
})
