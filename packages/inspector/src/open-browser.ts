import { spawn } from 'node:child_process'

/**
 * Opens `url` in the user's browser: `$BROWSER` when set (the convention of many command-line
 * tools, and how the tests watch it), else the platform's opener. Failing to open is not fatal:
 * the URL is printed anyway.
 */
export function openBrowser(url: string, onFail: (why: string) => void): void {
  const custom = process.env.BROWSER
  const [command, args] =
    custom !== undefined && custom !== ''
      ? [custom, [url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : process.platform === 'win32'
          ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
          : ['xdg-open', [url]]
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true })
    child.once('error', (error) => onFail(`${command}: ${error.message}`))
    child.unref()
  } catch (error) {
    onFail(error instanceof Error ? error.message : String(error))
  }
}
