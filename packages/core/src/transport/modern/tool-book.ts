import { MCPError } from '../../errors'
import {
  paramHeaders,
  readToolHeaders,
  type HeaderAnnotation,
} from '../../modern/tool-headers'
import type { WireTap } from '../../wire-tap'

/**
 * The `x-mcp-header` annotations of every tool the server listed, read from its `tools/list`
 * answers as they pass: which parameters a call mirrors into headers, and which tools are
 * invalid (left out of the list the caller sees, and refused when called anyway).
 */
export class ToolBook {
  readonly #annotations = new Map<string, readonly HeaderAnnotation[]>()
  readonly #rejected = new Map<string, string>()

  readonly #wire: WireTap

  constructor(wire: WireTap) {
    this.#wire = wire
  }

  /** A `tools/list` result without its invalid tools; the valid ones remembered. */
  learn(result: Record<string, unknown>): Record<string, unknown> {
    if (!Array.isArray(result.tools)) return result
    const kept: unknown[] = []
    for (const tool of result.tools as unknown[]) {
      const name =
        typeof tool === 'object' && tool !== null && 'name' in tool
          ? String(tool.name)
          : ''
      const schema =
        typeof tool === 'object' && tool !== null && 'inputSchema' in tool
          ? tool.inputSchema
          : undefined
      const read = readToolHeaders(schema)
      if (read.ok) {
        this.#annotations.set(name, read.annotations)
        this.#rejected.delete(name)
        kept.push(tool)
        continue
      }
      this.#annotations.delete(name)
      this.#rejected.set(name, read.reason)
      if (this.#wire.active)
        this.#wire.emit({
          type: 'tool-rejected',
          tool: name,
          reason: read.reason,
        })
    }
    return kept.length === result.tools.length
      ? result
      : { ...result, tools: kept }
  }

  /** The `Mcp-Param-*` headers of a call; throws an `MCPError` for a tool that may not be called. */
  headersFor(name: unknown, args: unknown): Record<string, string> {
    const tool = String(name)
    const reason = this.#rejected.get(tool)
    if (reason !== undefined) {
      throw new MCPError(
        'protocol',
        `Tool '${tool}' cannot be called: its definition is invalid (${reason}), so the client left it out of tools/list. The server must fix the tool's inputSchema.`,
      )
    }
    const annotations = this.#annotations.get(tool)
    if (annotations === undefined || annotations.length === 0) return {}
    try {
      return paramHeaders(annotations, args)
    } catch (error) {
      throw new MCPError(
        'invalid-options',
        `Cannot call '${tool}': ${(error as Error).message}.`,
        { cause: error },
      )
    }
  }

  /** Reads every page of `tools/list` again, as the revision advises after a HeaderMismatch. */
  async relist(
    page: (
      cursor: string | undefined,
    ) => Promise<Record<string, unknown> | null>,
  ): Promise<void> {
    let cursor: string | undefined
    // Bounded: a server that keeps handing out cursors must not hold the call forever.
    for (let pages = 0; pages < 100; pages++) {
      const result = await page(cursor).catch(() => null)
      if (!result) return
      this.learn(result)
      cursor =
        typeof result.nextCursor === 'string' ? result.nextCursor : undefined
      if (cursor === undefined) return
    }
  }
}
