import { expectRefusal, findTool } from '../harness/expect.ts'
import type { ScenarioContext } from '../harness/context.ts'
import type { Tool } from '@mcp-sse/core'

/**
 * `http-standard-headers` (SEP-2243): every POST carries `Mcp-Method`, and `tools/call`,
 * `resources/read` and `prompts/get` also `Mcp-Name`. Exercise each of those methods once per
 * item the server lists (hyphenated tool names, URIs with `%20` and query strings).
 */
export async function httpStandardHeaders(ctx: ScenarioContext): Promise<void> {
  const client = ctx.client()
  await client.connect()
  for (const tool of await client.listAllTools()) {
    await client.callTool(tool.name, {})
  }
  for (const resource of await client.listAllResources()) {
    await client.readResource(resource.uri)
  }
  for (const prompt of await client.listAllPrompts()) {
    await client.getPrompt(prompt.name)
  }
  ctx.log('called every tool, read every resource, got every prompt')
}

interface ToolCall {
  name: string
  arguments: Record<string, unknown>
}

function toolCallsFrom(data: Readonly<Record<string, unknown>>): ToolCall[] {
  const calls = data.toolCalls
  if (!Array.isArray(calls)) {
    throw new Error(
      'MCP_CONFORMANCE_CONTEXT has no toolCalls for this scenario',
    )
  }
  return calls.map((call: unknown) => {
    if (
      typeof call !== 'object' ||
      call === null ||
      !('name' in call) ||
      typeof call.name !== 'string' ||
      !('arguments' in call) ||
      typeof call.arguments !== 'object' ||
      call.arguments === null
    ) {
      throw new Error(`a toolCalls entry is malformed: ${JSON.stringify(call)}`)
    }
    return { name: call.name, arguments: { ...call.arguments } }
  })
}

/**
 * `http-custom-headers` (SEP-2243): parameters annotated `x-mcp-header` are mirrored into
 * `Mcp-Param-<Name>` headers (numbers and booleans as text, values that are not plain ASCII or
 * have edge whitespace as `=?base64?…?=`, null values omitted); others are not mirrored. The
 * suite supplies the arguments.
 */
export async function httpCustomHeaders(ctx: ScenarioContext): Promise<void> {
  const calls = toolCallsFrom(ctx.data)
  const client = ctx.client()
  await client.connect()
  const tools = await client.listAllTools()
  for (const call of calls) {
    findTool(tools, call.name)
    await client.callTool(call.name, call.arguments)
  }
  ctx.log(`called ${calls.map((c) => c.name).join(', ')}`)
}

/** A value of the declared type for each property, so only the annotation can make a call fail. */
function sampleArguments(tool: Tool): Record<string, unknown> {
  const properties = tool.inputSchema.properties
  if (typeof properties !== 'object' || properties === null) return {}
  const samples: Record<string, unknown> = {
    string: 'sample',
    number: 1,
    integer: 1,
    boolean: true,
    object: {},
    array: [],
    null: null,
  }
  return Object.fromEntries(
    Object.entries(properties).map(([key, schema]: [string, unknown]) => {
      const type =
        typeof schema === 'object' && schema !== null && 'type' in schema
          ? String(schema.type)
          : 'string'
      return [key, samples[type] ?? 'sample']
    }),
  )
}

/**
 * `http-invalid-tool-headers` (SEP-2243): tools whose `x-mcp-header` annotations are invalid
 * (empty, on a non-primitive, duplicated, bad characters) must not be called; the valid one must
 * still work. The app tries every tool the library lists; the library refuses the invalid ones
 * without sending anything.
 */
export async function httpInvalidToolHeaders(
  ctx: ScenarioContext,
): Promise<void> {
  const client = ctx.client()
  await client.connect()
  const tools = await client.listAllTools()
  findTool(tools, 'valid_tool')
  await client.callTool('valid_tool', { region: 'us-west1' })
  const problems: string[] = []
  for (const tool of tools.filter((t) => t.name !== 'valid_tool')) {
    try {
      const refusal = await expectRefusal(
        `callTool('${tool.name}')`,
        () => client.callTool(tool.name, sampleArguments(tool)),
        // An error the server sent back means the call went out.
        (error) => error.code !== 'rpc' && error.code !== 'http',
      )
      ctx.log(`${tool.name}: refused (${refusal})`)
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error))
    }
  }
  ctx.log(
    `${tools.length - 1} invalid tool(s) listed, ${problems.length} not refused`,
  )
  if (problems.length > 0) throw new Error(problems.join('; '))
}
