/**
 * A small JSON Schema check (type, required, properties, additionalProperties: false, items, enum,
 * const, bounds, anyOf/oneOf/allOf) for tool inputs and `structuredContent` against `outputSchema`.
 * Hand-written because Ajv compiles schemas with `new Function`, which strict static hosts (CSP)
 * forbid, and adds ~35 KB for checks this size.
 */
export type Schema = Record<string, unknown>

export interface SchemaIssue {
  path: string
  message: string
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function typeMatches(expected: unknown, value: unknown): boolean {
  const actual = typeOf(value)
  const list = Array.isArray(expected) ? expected : [expected]
  return list.some(
    (t) => t === actual || (t === 'number' && actual === 'integer'),
  )
}

export function validate(
  schema: unknown,
  value: unknown,
  path = '',
): SchemaIssue[] {
  if (!isRecord(schema)) return []
  const here = path || '(root)'
  const issues: SchemaIssue[] = []
  if (schema.type !== undefined && !typeMatches(schema.type, value)) {
    return [
      {
        path: here,
        message: `expected ${String(schema.type)}, got ${typeOf(value)}`,
      },
    ]
  }
  if (
    Array.isArray(schema.enum) &&
    !schema.enum.some((v) => deepEqual(v, value))
  ) {
    issues.push({
      path: here,
      message: `must be one of ${JSON.stringify(schema.enum)}`,
    })
  }
  if ('const' in schema && !deepEqual(schema.const, value)) {
    issues.push({
      path: here,
      message: `must be ${JSON.stringify(schema.const)}`,
    })
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) {
      issues.push({ path: here, message: `must be ≥ ${schema.minimum}` })
    }
    if (typeof schema.maximum === 'number' && value > schema.maximum) {
      issues.push({ path: here, message: `must be ≤ ${schema.maximum}` })
    }
  }
  if (typeof value === 'string') {
    if (
      typeof schema.minLength === 'number' &&
      value.length < schema.minLength
    ) {
      issues.push({
        path: here,
        message: `needs at least ${schema.minLength} characters`,
      })
    }
    if (
      typeof schema.maxLength === 'number' &&
      value.length > schema.maxLength
    ) {
      issues.push({
        path: here,
        message: `allows at most ${schema.maxLength} characters`,
      })
    }
  }
  if (isRecord(value)) {
    const properties = isRecord(schema.properties) ? schema.properties : {}
    if (Array.isArray(schema.required)) {
      for (const name of schema.required) {
        if (typeof name === 'string' && value[name] === undefined) {
          issues.push({ path: join(path, name), message: 'is required' })
        }
      }
    }
    for (const [name, child] of Object.entries(value)) {
      if (child === undefined) continue
      if (name in properties) {
        issues.push(...validate(properties[name], child, join(path, name)))
      } else if (schema.additionalProperties === false) {
        issues.push({ path: join(path, name), message: 'is not allowed here' })
      } else if (isRecord(schema.additionalProperties)) {
        issues.push(
          ...validate(schema.additionalProperties, child, join(path, name)),
        )
      }
    }
  }
  if (Array.isArray(value) && isRecord(schema.items)) {
    value.forEach((item, i) =>
      issues.push(...validate(schema.items, item, `${path}[${i}]`)),
    )
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key]
    if (
      Array.isArray(options) &&
      !options.some((o) => validate(o, value, path).length === 0)
    ) {
      issues.push({
        path: here,
        message: `matches none of the ${key} alternatives`,
      })
    }
  }
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) issues.push(...validate(part, value, path))
  }
  return issues
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
