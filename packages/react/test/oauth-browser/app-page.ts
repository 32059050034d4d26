import type { Browser, Page } from 'playwright-core'

/** What the token endpoint issued to the page, read off the wire, for the revocation test. */
export interface Issued {
  readonly clientId: string
  readonly refreshToken: string | undefined
}

export interface AppPage {
  readonly page: Page
  /** Every token response the page received, in order. */
  readonly issued: Issued[]
  /** Popups the page opened. */
  popups(): number
  /** Main-frame URLs the page showed, in order. */
  readonly visited: string[]
  /** Main-frame URLs the page requested, redirects included, in order. */
  readonly requested: string[]
}

/**
 * The app in a fresh context (its own storage and cookies), signing in to `mcpUrl`.
 * `blockPopups` makes window.open return null, as a blocker that refuses even clicked popups
 * does; Chromium has no switch for that in headless mode.
 */
export async function openApp(
  browser: Browser,
  origin: string,
  mcpUrl: string,
  options: { blockPopups?: boolean } = {},
): Promise<AppPage> {
  const context = await browser.newContext()
  if (options.blockPopups === true)
    await context.addInitScript(() => {
      window.open = () => null
    })
  const page = await context.newPage()
  const issued: Issued[] = []
  const visited: string[] = []
  const requested: string[] = []
  let popups = 0
  page.on('popup', () => void popups++)
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url())
  })
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame())
      requested.push(request.url())
  })
  // The token requests come from the page (the popup only carries the code back).
  page.on('response', (response) => {
    const request = response.request()
    if (request.method() !== 'POST' || !request.url().endsWith('/token')) return
    const form = new URLSearchParams(request.postData() ?? '')
    void response
      .json()
      .then((body: { refresh_token?: string }) =>
        issued.push({
          clientId: form.get('client_id') ?? '',
          refreshToken: body.refresh_token,
        }),
      )
      .catch(() => {})
  })
  await page.goto(`${origin}/?mcp=${encodeURIComponent(mcpUrl)}`)
  return { page, issued, popups: () => popups, visited, requested }
}

/** The text a `data-testid` element shows. */
export async function shown(page: Page, id: string): Promise<string> {
  return (await page.getByTestId(id).textContent()) ?? ''
}

/** Waits until the element shows `text` (a string in full, or a pattern). */
export async function until(
  page: Page,
  id: string,
  text: string | RegExp,
  timeout = 20_000,
): Promise<void> {
  const element = page.getByTestId(id)
  await element
    .filter({ hasText: typeof text === 'string' ? exactly(text) : text })
    .waitFor({ timeout })
    .catch(async (error: unknown) => {
      const state = await Promise.all(
        ['status', 'auth', 'error', 'failure'].map(
          async (name) => `${name}=${JSON.stringify(await shown(page, name))}`,
        ),
      )
      throw new Error(
        `${id} never showed ${String(text)}; the page shows ${state.join(' ')}`,
        { cause: error },
      )
    })
}

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
}

/** Clicks "Sign in" and waits for the popup it opens to sign in and close. */
export async function signInThroughPopup(app: AppPage): Promise<void> {
  const popup = app.page.waitForEvent('popup')
  await app.page.getByRole('button', { name: 'Sign in' }).click()
  await (await popup).waitForEvent('close', { timeout: 20_000 })
}

/** Clicks "Call" (the whoami tool) and returns the text result the page shows. */
export async function callWhoami(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Call' }).click()
  await page
    .getByTestId('result')
    .or(page.getByTestId('failure'))
    .filter({ hasText: /\S/ })
    .waitFor({ timeout: 20_000 })
  const failure = await shown(page, 'failure')
  if (failure) throw new Error(`The call failed on the page: ${failure}`)
  return shown(page, 'result')
}
