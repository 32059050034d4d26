import type { Schema } from './validate'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function asSchema(value: unknown): Schema {
  return isRecord(value) ? value : {}
}

/** The one type the form edits a value as; `['string', 'null']` edits as a string. */
export function fieldType(schema: Schema): string | undefined {
  if (Array.isArray(schema.enum)) return 'enum'
  const type = schema.type
  if (typeof type === 'string') return type
  if (Array.isArray(type)) {
    const concrete = type.filter((t) => t !== 'null')
    if (concrete.length === 1 && typeof concrete[0] === 'string')
      return concrete[0]
  }
  if (isRecord(schema.properties)) return 'object'
  return undefined
}

export function propertiesOf(schema: Schema): [string, Schema][] {
  const props = isRecord(schema.properties) ? schema.properties : {}
  return Object.entries(props).map(([name, child]) => [name, asSchema(child)])
}

export function requiredOf(schema: Schema): Set<string> {
  return new Set(
    Array.isArray(schema.required)
      ? schema.required.filter((x): x is string => typeof x === 'string')
      : [],
  )
}

/** A starting value: the schema's default, or nothing, so optional fields are left out of the call. */
export function initialValue(schema: Schema): unknown {
  if ('default' in schema) return schema.default
  const type = fieldType(schema)
  if (type === 'object') {
    const out: Record<string, unknown> = {}
    for (const [name, child] of propertiesOf(schema)) {
      const value = initialValue(child)
      if (value !== undefined) out[name] = value
    }
    return out
  }
  return undefined
}

/** Drops empty optional members so the server sees only what the user filled in. */
export function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune)
  if (isRecord(value)) {
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(value)) {
      const pruned = prune(child)
      if (pruned !== undefined) out[key] = pruned
    }
    return out
  }
  return value
}

/**
 * A tool whose input schema names no properties and allows no others (`get-tiny-image`, the
 * toggles): there is nothing to fill in, and the call sends `{}`.
 */
export function takesNoArguments(schema: Schema): boolean {
  if (isRecord(schema.properties) && Object.keys(schema.properties).length > 0)
    return false
  const extra = schema.additionalProperties
  if (isRecord(extra) && Object.keys(extra).length > 0) return false
  return !['anyOf', 'oneOf', 'allOf', 'patternProperties', '$ref'].some(
    (k) => k in schema,
  )
}
