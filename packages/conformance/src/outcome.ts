/**
 * How the conformance client tells the runner how it ended. The suite writes each client's stdout
 * to `stdout.txt` beside that scenario's `checks.json` but keeps no exit code there (and reports a
 * client killed at its timeout as exit 0), so the client prints one line in this shape just before
 * it exits, and nothing else on stdout. A client with no such line crashed or was killed.
 */
export interface ClientOutcome {
  /** The exit code the client is about to exit with. */
  exitCode: number
  /** Why it failed, when it did: an MCPError's code and message, or the scenario's own complaint. */
  error?: string
}

const PREFIX = 'mcp-sse-conformance-outcome '

export function formatOutcome(outcome: ClientOutcome): string {
  return PREFIX + JSON.stringify(outcome)
}

/** The last outcome line in a client's stdout, or null when it never printed one. */
export function parseOutcome(stdout: string): ClientOutcome | null {
  const line = stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(PREFIX))
  if (line === undefined) return null
  const value: unknown = JSON.parse(line.slice(PREFIX.length))
  if (
    typeof value !== 'object' ||
    value === null ||
    !('exitCode' in value) ||
    typeof value.exitCode !== 'number'
  ) {
    return null
  }
  const error =
    'error' in value && typeof value.error === 'string'
      ? value.error
      : undefined
  return error === undefined
    ? { exitCode: value.exitCode }
    : { exitCode: value.exitCode, error }
}
