/**
 * JSON Schema checks for tool inputs, `structuredContent` against `outputSchema`, and elicitation
 * answers, by @cfworker/json-schema: every keyword of drafts 4 to 2020-12 (2020-12 unless the
 * schema's `$schema` says otherwise, as MCP 2025-11-25 asks), interpreted without `eval` or
 * `new Function` (so a strict CSP on a static host allows it), and it never fetches a `$ref`.
 */
import {
  Validator,
  type OutputUnit,
  type SchemaDraft,
} from '@cfworker/json-schema'

export type Schema = Record<string, unknown>

export interface SchemaIssue {
  /** Where in the value: `(root)`, `target.host`, `tags[0]`. */
  path: string
  message: string
}

/** Keywords whose error only says "something below failed"; the error below says what. */
const CONTAINERS = new Set([
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'contains',
  'allOf',
  'dependentSchemas',
  '$ref',
  '$recursiveRef',
  '$dynamicRef',
  'if',
  'then',
  'else',
])

const DRAFTS: Record<string, SchemaDraft> = {
  'http://json-schema.org/draft-04/schema': '4',
  'http://json-schema.org/draft-07/schema': '7',
  'https://json-schema.org/draft/2019-09/schema': '2019-09',
  'https://json-schema.org/draft/2020-12/schema': '2020-12',
}

function draftOf(schema: Schema): SchemaDraft {
  const declared =
    typeof schema.$schema === 'string' ? schema.$schema.replace(/#$/, '') : ''
  return DRAFTS[declared] ?? '2020-12'
}

function pathOf(pointer: string): string {
  const parts = pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'))
  if (parts.length === 0) return '(root)'
  return parts.reduce(
    (path, part) =>
      /^\d+$/.test(part)
        ? `${path}[${part}]`
        : path === ''
          ? part
          : `${path}.${part}`,
    '',
  )
}

/** The validator's sentences, in the form's words where a user reads them beside a field. */
function issueOf(unit: OutputUnit): SchemaIssue {
  const path = pathOf(unit.instanceLocation)
  const type = /Instance type "(\w+)" is invalid\. Expected "([^"]+)"/.exec(
    unit.error,
  )
  if (type) return { path, message: `expected ${type[2]}, got ${type[1]}` }
  const required = /required property "([^"]+)"/.exec(unit.error)
  if (required) {
    const name = required[1] ?? ''
    return {
      path: path === '(root)' ? name : `${path}.${name}`,
      message: 'is required',
    }
  }
  return { path, message: unit.error.replace(/\.$/, '') }
}

/** Schemas are compiled once per object: a form re-validates on every keystroke. */
const cache = new WeakMap<object, Validator>()

export function validate(schema: unknown, value: unknown): SchemaIssue[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    return []
  let validator = cache.get(schema)
  if (validator === undefined) {
    // A copy: the library annotates the schema objects it is given.
    validator = new Validator(
      structuredClone(schema) as Schema,
      draftOf(schema as Schema),
      false,
    )
    cache.set(schema, validator)
  }
  try {
    const result = validator.validate(value)
    if (result.valid) return []
    const issues = result.errors
      .filter((unit) => !CONTAINERS.has(unit.keyword))
      .map(issueOf)
    return issues.length > 0 ? issues : result.errors.slice(0, 1).map(issueOf)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const ref = /Unresolved \$ref "([^"]+)"/.exec(message)
    return [
      {
        path: '(schema)',
        message: ref
          ? `the schema refers to ${ref[1]}, which is not inside it; the inspector never fetches a $ref from the network, so this part is not checked`
          : `the schema could not be used: ${message.split('\n')[0] ?? message}`,
      },
    ]
  }
}
