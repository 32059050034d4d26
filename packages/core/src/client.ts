import { gatherHints } from './cache-hints'
import { MCPConnection } from './connection'
import type { RequestOptions } from './options'
import type {
  CallToolResult,
  CompleteParams,
  CompleteResult,
  Cursor,
  EmptyResult,
  GetPromptResult,
  ListPromptsResult,
  ListResourcesResult,
  ListResourceTemplatesResult,
  ListToolsResult,
  LoggingLevel,
  Prompt,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  Tool,
} from './protocol'

export interface PageParams {
  cursor?: Cursor
  [key: string]: unknown
}

/**
 * An MCP client for servers reached over HTTP + Server-Sent Events.
 *
 * @example
 * const client = new MCPSSEClient({ url: 'http://localhost:3001' })
 * await client.connect()
 * const { tools } = await client.listTools()
 * const result = await client.callTool('echo', { message: 'hi' })
 */
export class MCPSSEClient extends MCPConnection {
  /**
   * Checks that the server answers. Protocol 2026-07-28 has no `ping`; there the client asks
   * `server/discover`, which every server of that revision answers.
   */
  async ping(options?: RequestOptions): Promise<EmptyResult> {
    if (!(await this.isStateless('ping')))
      return this.request('ping', undefined, options)
    await this.request('server/discover', undefined, options)
    return {}
  }

  listTools(
    params?: PageParams,
    options?: RequestOptions,
  ): Promise<ListToolsResult> {
    return this.request('tools/list', params, options)
  }

  /** Every tool, following `nextCursor` through all pages. */
  listAllTools(options?: RequestOptions): Promise<Tool[]> {
    return this.#collect(
      (cursor) => this.listTools(cursor, options),
      (page) => page.tools,
    )
  }

  callTool(
    name: string,
    args?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<CallToolResult> {
    return this.request('tools/call', { name, arguments: args ?? {} }, options)
  }

  listResources(
    params?: PageParams,
    options?: RequestOptions,
  ): Promise<ListResourcesResult> {
    return this.request('resources/list', params, options)
  }

  listAllResources(options?: RequestOptions): Promise<Resource[]> {
    return this.#collect(
      (cursor) => this.listResources(cursor, options),
      (page) => page.resources,
    )
  }

  listResourceTemplates(
    params?: PageParams,
    options?: RequestOptions,
  ): Promise<ListResourceTemplatesResult> {
    return this.request('resources/templates/list', params, options)
  }

  listAllResourceTemplates(
    options?: RequestOptions,
  ): Promise<ResourceTemplate[]> {
    return this.#collect(
      (cursor) => this.listResourceTemplates(cursor, options),
      (page) => page.resourceTemplates,
    )
  }

  readResource(
    uri: string,
    options?: RequestOptions,
  ): Promise<ReadResourceResult> {
    return this.request('resources/read', { uri }, options)
  }

  /**
   * Asks for `notifications/resources/updated` when the resource changes: `resources/subscribe`
   * on a session; on 2026-07-28, the URI joins the `subscriptions/listen` filter.
   */
  async subscribeResource(
    uri: string,
    options?: RequestOptions,
  ): Promise<EmptyResult> {
    if (!(await this.isStateless('resources/subscribe')))
      return this.request('resources/subscribe', { uri }, options)
    this.interest.subscribe(uri)
    return {}
  }

  async unsubscribeResource(
    uri: string,
    options?: RequestOptions,
  ): Promise<EmptyResult> {
    if (!(await this.isStateless('resources/unsubscribe')))
      return this.request('resources/unsubscribe', { uri }, options)
    this.interest.unsubscribe(uri)
    return {}
  }

  listPrompts(
    params?: PageParams,
    options?: RequestOptions,
  ): Promise<ListPromptsResult> {
    return this.request('prompts/list', params, options)
  }

  listAllPrompts(options?: RequestOptions): Promise<Prompt[]> {
    return this.#collect(
      (cursor) => this.listPrompts(cursor, options),
      (page) => page.prompts,
    )
  }

  getPrompt(
    name: string,
    args?: Record<string, string>,
    options?: RequestOptions,
  ): Promise<GetPromptResult> {
    return this.request(
      'prompts/get',
      args ? { name, arguments: args } : { name },
      options,
    )
  }

  /** Argument completion for a prompt or resource template. */
  complete(
    params: CompleteParams,
    options?: RequestOptions,
  ): Promise<CompleteResult> {
    return this.request('completion/complete', { ...params }, options)
  }

  /**
   * Asks the server to send log messages at `level` and above: `logging/setLevel` on a session;
   * on 2026-07-28, every later request carries the level in its `_meta`.
   */
  async setLoggingLevel(
    level: LoggingLevel,
    options?: RequestOptions,
  ): Promise<EmptyResult> {
    if (!(await this.isStateless('logging/setLevel')))
      return this.request('logging/setLevel', { level }, options)
    this.interest.setLogLevel(level)
    return {}
  }

  // ——— tasks (2025-11-25, experimental): a call the server runs as a task is followed here ———

  /** `tasks/get`: the task's status (`working`, `input_required`, `completed`, …) and poll hint. */
  getTask(
    taskId: string,
    options?: RequestOptions,
  ): Promise<Record<string, unknown>> {
    return this.request('tasks/get', { taskId }, options)
  }

  /** `tasks/result`: waits for the task's outcome; for a tool call, its `CallToolResult`. */
  getTaskResult<T = CallToolResult>(
    taskId: string,
    options?: RequestOptions,
  ): Promise<T> {
    return this.request('tasks/result', { taskId }, options)
  }

  /** `tasks/list`: one page of the tasks the server keeps for this client. */
  listTasks(
    params?: PageParams,
    options?: RequestOptions,
  ): Promise<{ tasks?: Record<string, unknown>[]; nextCursor?: Cursor }> {
    return this.request('tasks/list', params ?? {}, options)
  }

  /** `tasks/cancel`: asks the server to stop the task; resolves with its new state. */
  cancelTask(
    taskId: string,
    options?: RequestOptions,
  ): Promise<Record<string, unknown>> {
    return this.request('tasks/cancel', { taskId }, options)
  }

  async #collect<P extends { nextCursor?: Cursor }, T>(
    fetchPage: (params: PageParams | undefined) => Promise<P>,
    items: (page: P) => T[] | undefined,
  ): Promise<T[]> {
    const all: T[] = []
    const pages: P[] = []
    const seen = new Set<Cursor>()
    let cursor: Cursor | undefined
    do {
      const page = await fetchPage(
        cursor === undefined ? undefined : { cursor },
      )
      pages.push(page)
      all.push(...(items(page) ?? []))
      cursor = page.nextCursor
      // A server that hands back a cursor it already gave would make this loop forever.
      if (cursor !== undefined && seen.has(cursor)) break
      if (cursor !== undefined) seen.add(cursor)
    } while (cursor !== undefined)
    gatherHints(all, pages)
    return all
  }
}
