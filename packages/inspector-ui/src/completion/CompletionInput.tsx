import type { CompleteResult } from '@mcp-sse/core'
import { useId, useState } from 'react'
import { useCompletion } from './useCompletion'

/**
 * A text input that offers the server's completions in a listbox (the ARIA combobox pattern):
 * arrows move through the values, Enter takes one, Escape closes the list.
 */
export function CompletionInput({
  label,
  value,
  onChange,
  complete,
  contextKey = '',
  required = false,
  name,
  placeholder,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  /** Asks the server; null when it offers no completions. */
  complete: ((value: string) => Promise<CompleteResult>) | null
  contextKey?: string
  required?: boolean
  name?: string
  placeholder?: string
}) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const state = useCompletion(complete, value, contextKey, open)
  const values = state.values
  const shown =
    open && complete !== null && (values.length > 0 || state.error !== null)
  const pick = (v: string) => {
    onChange(v)
    setOpen(false)
    setActive(-1)
  }
  return (
    <div className="combobox">
      <input
        name={name}
        aria-label={label}
        placeholder={placeholder}
        required={required}
        autoComplete="off"
        value={value}
        {...(complete !== null && {
          role: 'combobox',
          'aria-autocomplete': 'list' as const,
          'aria-expanded': shown,
          'aria-controls': `${id}-list`,
          'aria-activedescendant':
            shown && active >= 0 ? `${id}-opt-${active}` : undefined,
        })}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          onChange(e.target.value)
          setOpen(true)
          setActive(-1)
        }}
        onKeyDown={(e) => {
          if (complete === null) return
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            setOpen(true)
            if (values.length === 0) return
            const step = e.key === 'ArrowDown' ? 1 : -1
            setActive((a) => (a + step + values.length) % values.length)
          } else if (e.key === 'Enter' && shown && active >= 0) {
            e.preventDefault()
            const v = values[active]
            if (v !== undefined) pick(v)
          } else if (e.key === 'Escape' && shown) {
            e.preventDefault()
            setOpen(false)
          }
        }}
      />
      {shown && (
        <ul
          className="listbox"
          role="listbox"
          id={`${id}-list`}
          aria-label={`${label} suggestions`}
        >
          {state.error !== null ? (
            <li className="hint error" role="presentation">
              {state.error}
            </li>
          ) : (
            values.map((v, i) => (
              <li
                key={v}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(v)}
              >
                {v}
              </li>
            ))
          )}
          {state.hasMore && (
            <li className="hint" role="presentation">
              {state.total !== undefined
                ? `${values.length} of ${state.total}`
                : 'more…'}{' '}
              — type to narrow
            </li>
          )}
        </ul>
      )}
    </div>
  )
}
