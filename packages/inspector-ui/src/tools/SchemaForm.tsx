/**
 * A form generated from a tool's input schema. Hand-written: react-jsonschema-form needs Ajv and a
 * theme package (~100 KB gzip) for schemas that, in MCP, are a few flat or lightly nested fields.
 */
import { useId } from 'react'
import { JsonText } from './JsonText'
import {
  asSchema,
  fieldType,
  initialValue,
  propertiesOf,
  requiredOf,
} from './schema'
import type { Schema } from './validate'

interface FieldProps {
  schema: Schema
  value: unknown
  onChange: (value: unknown) => void
  label: string
  required: boolean
}

export function SchemaForm(props: {
  schema: Schema
  value: unknown
  onChange: (value: unknown) => void
}) {
  return (
    <ObjectField
      schema={props.schema}
      value={props.value}
      onChange={props.onChange}
      label=""
      required
    />
  )
}

function Field(props: FieldProps) {
  switch (fieldType(props.schema)) {
    case 'enum':
      return <EnumField {...props} />
    case 'string':
      return <StringField {...props} />
    case 'number':
    case 'integer':
      return <NumberField {...props} />
    case 'boolean':
      return <BooleanField {...props} />
    case 'object':
      return <ObjectField {...props} />
    case 'array':
      return <ArrayField {...props} />
    default:
      return <JsonField {...props} />
  }
}

function Label({
  htmlFor,
  label,
  required,
  schema,
}: {
  htmlFor: string
  label: string
  required: boolean
  schema: Schema
}) {
  const type = fieldType(schema)
  return (
    <label htmlFor={htmlFor} className="field-label">
      <span className="field-name">{label}</span>
      {required && (
        <span className="req" title="required">
          *
        </span>
      )}
      {type !== undefined && <span className="field-type">{type}</span>}
      {typeof schema.description === 'string' && (
        <span className="field-desc">{schema.description}</span>
      )}
    </label>
  )
}

function StringField({ schema, value, onChange, label, required }: FieldProps) {
  const id = useId()
  const long = typeof schema.maxLength !== 'number' || schema.maxLength > 200
  const text = typeof value === 'string' ? value : ''
  const change = (next: string) =>
    onChange(next === '' && !required ? undefined : next)
  return (
    <div className="field">
      <Label htmlFor={id} label={label} required={required} schema={schema} />
      {long && text.includes('\n') ? (
        <textarea
          id={id}
          value={text}
          rows={4}
          onChange={(e) => change(e.target.value)}
        />
      ) : (
        <input
          id={id}
          name={label}
          value={text}
          required={required}
          placeholder={
            typeof schema.format === 'string' ? schema.format : undefined
          }
          onChange={(e) => change(e.target.value)}
        />
      )}
    </div>
  )
}

function NumberField({ schema, value, onChange, label, required }: FieldProps) {
  const id = useId()
  return (
    <div className="field">
      <Label htmlFor={id} label={label} required={required} schema={schema} />
      <input
        id={id}
        name={label}
        type="number"
        step={fieldType(schema) === 'integer' ? 1 : 'any'}
        min={typeof schema.minimum === 'number' ? schema.minimum : undefined}
        max={typeof schema.maximum === 'number' ? schema.maximum : undefined}
        value={typeof value === 'number' ? value : ''}
        required={required}
        onChange={(e) =>
          onChange(e.target.value === '' ? undefined : e.target.valueAsNumber)
        }
      />
    </div>
  )
}

function BooleanField({
  schema,
  value,
  onChange,
  label,
  required,
}: FieldProps) {
  const id = useId()
  return (
    <div className="field field-inline">
      <input
        id={id}
        name={label}
        type="checkbox"
        checked={value === true}
        onChange={(e) => onChange(e.target.checked)}
      />
      <Label htmlFor={id} label={label} required={required} schema={schema} />
    </div>
  )
}

function EnumField({ schema, value, onChange, label, required }: FieldProps) {
  const id = useId()
  const options = Array.isArray(schema.enum) ? schema.enum : []
  const index = options.findIndex(
    (o) => JSON.stringify(o) === JSON.stringify(value),
  )
  return (
    <div className="field">
      <Label htmlFor={id} label={label} required={required} schema={schema} />
      <select
        id={id}
        name={label}
        value={index < 0 ? '' : String(index)}
        onChange={(e) =>
          onChange(
            e.target.value === '' ? undefined : options[Number(e.target.value)],
          )
        }
      >
        <option value="">{required ? '— choose —' : '(not set)'}</option>
        {options.map((option, i) => (
          <option key={i} value={String(i)}>
            {typeof option === 'string' ? option : JSON.stringify(option)}
          </option>
        ))}
      </select>
    </div>
  )
}

function ObjectField({ schema, value, onChange, label, required }: FieldProps) {
  const object =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {}
  const needed = requiredOf(schema)
  const props = propertiesOf(schema)
  const body =
    props.length === 0 ? (
      <JsonField
        schema={schema}
        value={value}
        onChange={onChange}
        label={label || 'value'}
        required={required}
      />
    ) : (
      props.map(([name, child]) => (
        <Field
          key={name}
          schema={child}
          label={name}
          required={needed.has(name)}
          value={object[name]}
          onChange={(next) => onChange({ ...object, [name]: next })}
        />
      ))
    )
  if (label === '') return <div className="form-root">{body}</div>
  return (
    <fieldset className="field-group">
      <legend>
        {label}
        {required && <span className="req">*</span>}
      </legend>
      {body}
    </fieldset>
  )
}

function ArrayField({ schema, value, onChange, label, required }: FieldProps) {
  const items = Array.isArray(value) ? value : []
  const itemSchema = asSchema(schema.items)
  return (
    <fieldset className="field-group">
      <legend>
        {label}
        {required && <span className="req">*</span>}{' '}
        <span className="field-type">array</span>
      </legend>
      {items.map((item, i) => (
        <div className="array-item" key={i}>
          <Field
            schema={itemSchema}
            label={`${label}[${i}]`}
            required
            value={item}
            onChange={(next) =>
              onChange(items.map((x, j) => (j === i ? next : x)))
            }
          />
          <button
            type="button"
            className="small"
            aria-label={`Remove ${label}[${i}]`}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="small"
        onClick={() => onChange([...items, initialValue(itemSchema)])}
      >
        + add {label} item
      </button>
    </fieldset>
  )
}

/** For schemas the form cannot map to inputs (anyOf, free objects): edit that part as JSON. */
function JsonField({ schema, value, onChange, label, required }: FieldProps) {
  const id = useId()
  return (
    <div className="field">
      <Label htmlFor={id} label={label} required={required} schema={schema} />
      <JsonText id={id} value={value} onChange={onChange} rows={3} />
    </div>
  )
}
