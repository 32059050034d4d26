// Plain JavaScript so that vitest and vite config files, which Node loads without a TypeScript
// step, can import it.

/**
 * Launch options for Debian's Chromium on this closed network: the system binary (a test tool's
 * own browser download cannot work here) and the flags that keep it from calling home.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
