/**
 * The restricted JSON Schema of a form-mode elicitation (flat object of primitives), read into the
 * fields the form renders. Titles and descriptions are the server's text: shown as text only.
 */
export type FieldKind =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'select'
  | 'multiselect'
  | 'unsupported'

export interface Option {
  value: string
  label: string
}

export interface ElicitField {
  name: string
  kind: FieldKind
  label: string
  description: string | null
  required: boolean
  format: string | null
  options: Option[]
  min: number | null
  max: number | null
  default: unknown
}

type Rec = Record<string, unknown>

function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const num = (v: unknown) => (typeof v === 'number' ? v : null)
const str = (v: unknown) => (typeof v === 'string' ? v : null)

/** `enum` (titles from legacy `enumNames`), or `oneOf`/`anyOf` of `{ const, title }`. */
function optionsOf(schema: Rec): Option[] | null {
  if (Array.isArray(schema.enum)) {
    const names = Array.isArray(schema.enumNames) ? schema.enumNames : []
    return schema.enum.map((v, i) => ({
      value: String(v),
      label: str(names[i]) ?? String(v),
    }))
  }
  const list = Array.isArray(schema.oneOf)
    ? schema.oneOf
    : Array.isArray(schema.anyOf)
      ? schema.anyOf
      : null
  if (list === null) return null
  const options = list.filter(isRecord).filter((o) => 'const' in o)
  if (options.length === 0) return null
  return options.map((o) => ({
    value: String(o.const),
    label: str(o.title) ?? String(o.const),
  }))
}

function kindOf(schema: Rec): { kind: FieldKind; options: Option[] } {
  if (schema.type === 'array') {
    const items = isRecord(schema.items) ? schema.items : {}
    const options = optionsOf(items)
    return options === null
      ? { kind: 'unsupported', options: [] }
      : { kind: 'multiselect', options }
  }
  const options = optionsOf(schema)
  if (options !== null) return { kind: 'select', options }
  switch (schema.type) {
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
      return { kind: schema.type, options: [] }
    default:
      return { kind: 'unsupported', options: [] }
  }
}

export function fieldsOf(schema: Rec): ElicitField[] {
  const properties = isRecord(schema.properties) ? schema.properties : {}
  const required = new Set(
    Array.isArray(schema.required) ? schema.required.map(String) : [],
  )
  return Object.entries(properties).map(([name, raw]) => {
    const child = isRecord(raw) ? raw : {}
    const { kind, options } = kindOf(child)
    const multi = kind === 'multiselect'
    return {
      name,
      kind,
      label: str(child.title) ?? name,
      description: str(child.description),
      required: required.has(name),
      format: str(child.format),
      options,
      min: num(multi ? child.minItems : (child.minimum ?? child.minLength)),
      max: num(multi ? child.maxItems : (child.maximum ?? child.maxLength)),
      default: child.default,
    }
  })
}

/** The starting answer: every default the schema gives (SEP-1034's defaults, applied up front). */
export function defaultsOf(fields: ElicitField[]): Rec {
  const out: Rec = {}
  for (const field of fields) {
    if (field.default !== undefined) out[field.name] = field.default
  }
  return out
}
