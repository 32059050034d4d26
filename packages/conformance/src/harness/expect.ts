import {
  isMCPError,
  type CallToolResult,
  type MCPError,
  type Tool,
} from '@mcp-sse/core'

/** The tool called `name` from a `tools/list` answer; throws with what the server did list. */
export function findTool(tools: readonly Tool[], name: string): Tool {
  const tool = tools.find((t) => t.name === name)
  if (!tool) {
    throw new Error(
      `the server did not list the tool ${name} (it listed: ${tools.map((t) => t.name).join(', ') || 'nothing'})`,
    )
  }
  return tool
}

/** The text blocks of a tool result, joined. */
export function textOf(result: CallToolResult): string {
  return result.content
    .map((block) => (block.type === 'text' ? block.text : ''))
    .join('')
}

/** Throws unless the tool result's text contains `expected`. */
export function expectText(result: CallToolResult, expected: string): void {
  const text = textOf(result)
  if (!text.includes(expected)) {
    throw new Error(
      `expected the tool result to say "${expected}", it said "${text}"`,
    )
  }
}

/** One line that says what an error was: the MCPError code and message, or the error's own text. */
export function describeError(error: unknown): string {
  if (isMCPError(error)) return `MCPError ${error.code}: ${error.message}`
  if (error instanceof Error) return `${error.name}: ${error.message}`
  return String(error)
}

/**
 * Runs `attempt`, which the library should refuse. Resolves with the refusal's description when it
 * rejected with an MCPError that `isRefusal` accepts; throws when it succeeded, or failed some other
 * way (a crash is no refusal, and neither is an error the server sent back for a request that
 * should never have gone out).
 */
export async function expectRefusal(
  what: string,
  attempt: () => Promise<unknown>,
  isRefusal: (error: MCPError) => boolean = () => true,
): Promise<string> {
  try {
    await attempt()
  } catch (error) {
    if (isMCPError(error) && isRefusal(error)) return describeError(error)
    throw new Error(
      `${what}: expected an MCPError refusal, got ${describeError(error)}`,
      { cause: error },
    )
  }
  throw new Error(`${what}: the library did it; it should have refused`)
}
