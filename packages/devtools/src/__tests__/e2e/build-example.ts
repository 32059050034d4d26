import { spawn } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const EXAMPLE_DIR = fileURLToPath(
  new URL('../../../../../examples/devtools-app/', import.meta.url),
)
const PACKAGE_DIR = fileURLToPath(new URL('../../../', import.meta.url))

function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${command} ${args.join(' ')} failed (${String(code)}):\n${output}`,
            ),
          ),
    )
  })
}

/**
 * Builds @mcp-sse/inspector-ui's dist/ and then this package's (what the example imports), so the
 * test never runs a stale one.
 */
export async function buildPackage(): Promise<void> {
  // tsdown is the workspace root's dev dependency.
  const tsdown = join(PACKAGE_DIR, '..', '..', 'node_modules', '.bin', 'tsdown')
  await run(tsdown, [], join(PACKAGE_DIR, '..', 'inspector-ui'), process.env)
  await run(tsdown, [], PACKAGE_DIR, process.env)
}

/**
 * `vite build` of the example as its developer would run it: `production` (what ships) or
 * `development` (a build with the devtools in it). Vitest sets NODE_ENV=test, so it is set here.
 */
export async function buildExample(
  mode: 'production' | 'development',
): Promise<string> {
  const outDir = join(EXAMPLE_DIR, mode === 'production' ? 'dist' : 'dist-dev')
  const vite = join(EXAMPLE_DIR, 'node_modules', 'vite', 'bin', 'vite.js')
  await run(
    process.execPath,
    [
      vite,
      'build',
      '--mode',
      mode,
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    EXAMPLE_DIR,
    { ...process.env, NODE_ENV: mode },
  )
  return outDir
}

/** Every JavaScript file of a build, by name. */
export async function scripts(outDir: string): Promise<Map<string, string>> {
  const dir = join(outDir, 'assets')
  const files = (await readdir(dir)).filter((name) => name.endsWith('.js'))
  return new Map(
    await Promise.all(
      files.map(
        async (name) =>
          [name, await readFile(join(dir, name), 'utf8')] as const,
      ),
    ),
  )
}
