import { useId } from 'react'
import type { SchemaIssue } from '../tools/validate'
import type { ElicitField } from './elicit-schema'

type Values = Record<string, unknown>

const INPUT_TYPE: Record<string, string> = {
  email: 'email',
  uri: 'url',
  date: 'date',
}

/** The form of a form-mode elicitation: one input per field of the requested schema. */
export function ElicitationForm({
  fields,
  values,
  issues,
  onChange,
}: {
  fields: ElicitField[]
  values: Values
  issues: SchemaIssue[]
  onChange: (values: Values) => void
}) {
  if (fields.length === 0)
    return (
      <p className="hint">The server asks for no fields: only a yes or no.</p>
    )
  return (
    <div className="elicit-form">
      {fields.map((field) => (
        <Field
          key={field.name}
          field={field}
          value={values[field.name]}
          issues={issues.filter(
            (i) => i.path === field.name || i.path.startsWith(`${field.name}[`),
          )}
          onChange={(value) => {
            const next = { ...values }
            if (value === undefined) delete next[field.name]
            else next[field.name] = value
            onChange(next)
          }}
        />
      ))}
    </div>
  )
}

function Field({
  field,
  value,
  issues,
  onChange,
}: {
  field: ElicitField
  value: unknown
  issues: SchemaIssue[]
  onChange: (value: unknown) => void
}) {
  const id = useId()
  const label = (
    <span className="field-label">
      <span className="field-name">{field.label}</span>
      {field.required && (
        <span className="req" title="required">
          *
        </span>
      )}
      <span className="field-type">
        {field.kind}
        {field.format !== null && ` · ${field.format}`}
        {bounds(field)}
      </span>
      {field.description !== null && (
        <span className="field-desc">{field.description}</span>
      )}
    </span>
  )
  const problems = issues.length > 0 && (
    <span className="hint error" role="status">
      {issues.map((i) => i.message).join('; ')}
    </span>
  )
  switch (field.kind) {
    case 'boolean':
      return (
        <div className="field field-inline">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label htmlFor={id}>{label}</label>
          {problems}
        </div>
      )
    case 'select':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <select
            id={id}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) =>
              onChange(e.target.value === '' ? undefined : e.target.value)
            }
          >
            <option value="">
              {field.required ? '— choose —' : '(not set)'}
            </option>
            {field.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {problems}
        </div>
      )
    case 'multiselect': {
      const chosen = Array.isArray(value) ? value.map(String) : []
      return (
        <fieldset className="field field-group">
          <legend>{label}</legend>
          {field.options.map((o) => (
            <label key={o.value} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(o.value)}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? [...chosen, o.value]
                      : chosen.filter((v) => v !== o.value),
                  )
                }
              />
              {o.label}
            </label>
          ))}
          {problems}
        </fieldset>
      )
    }
    case 'number':
    case 'integer':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            type="number"
            step={field.kind === 'integer' ? 1 : 'any'}
            min={field.min ?? undefined}
            max={field.max ?? undefined}
            value={typeof value === 'number' ? value : ''}
            onChange={(e) =>
              onChange(
                e.target.value === '' ? undefined : e.target.valueAsNumber,
              )
            }
          />
          {problems}
        </div>
      )
    case 'string':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            type={INPUT_TYPE[field.format ?? ''] ?? 'text'}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) =>
              onChange(e.target.value === '' ? undefined : e.target.value)
            }
          />
          {problems}
        </div>
      )
    default:
      return (
        <div className="field">
          {label}
          <span className="hint error">
            Not a field elicitation allows (only strings, numbers, booleans and
            enums); it is left out of the answer.
          </span>
        </div>
      )
  }
}

function bounds(field: ElicitField): string {
  if (field.min === null && field.max === null) return ''
  const what =
    field.kind === 'multiselect'
      ? ' items'
      : field.kind === 'string'
        ? ' chars'
        : ''
  if (field.min !== null && field.max !== null)
    return ` · ${field.min}–${field.max}${what}`
  return field.min !== null
    ? ` · ≥ ${field.min}${what}`
    : ` · ≤ ${field.max}${what}`
}
