import type { Tool } from '@mcp-sse/core'

/** The schema's `required` names; a schema that says nothing usable requires nothing. */
function requiredOf(tool: Tool): string[] {
  const { required } = tool.inputSchema
  return Array.isArray(required)
    ? required.filter((name): name is string => typeof name === 'string')
    : []
}

function propertyType(tool: Tool, name: string): unknown {
  const { properties } = tool.inputSchema
  if (typeof properties !== 'object' || properties === null) return undefined
  const schema: unknown = (properties as Record<string, unknown>)[name]
  return typeof schema === 'object' && schema !== null && 'type' in schema
    ? schema.type
    : undefined
}

export type ParsedArguments =
  { ok: true; value: Record<string, unknown> } | { ok: false; message: string }

/** Checks what the user typed: JSON, an object, and every property the schema requires. */
export function parseArguments(text: string, tool: Tool): ParsedArguments {
  let value: unknown
  try {
    value = text.trim() === '' ? {} : JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      message: `The arguments are not valid JSON (${error instanceof Error ? error.message : String(error)}); write an object such as {"message": "hi"}.`,
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      ok: false,
      message:
        'The arguments must be a JSON object, such as {"message": "hi"}.',
    }
  const record = value as Record<string, unknown>
  const missing = requiredOf(tool).filter((name) => !(name in record))
  if (missing.length > 0)
    return {
      ok: false,
      message: `${tool.name} requires ${missing.join(', ')}; add ${missing.length === 1 ? 'it' : 'them'} to the object.`,
    }
  return { ok: true, value: record }
}

/** A starting point for the form: the required properties, with empty values of their type. */
export function argumentsTemplate(tool: Tool): string {
  const template: Record<string, unknown> = {}
  for (const name of requiredOf(tool)) {
    const type = propertyType(tool, name)
    template[name] =
      type === 'number' || type === 'integer'
        ? 0
        : type === 'boolean'
          ? false
          : type === 'object'
            ? {}
            : type === 'array'
              ? []
              : ''
  }
  return JSON.stringify(template, null, 2)
}
