import { useEffect, useState } from 'react'

/**
 * A textarea holding JSON. The text is the source of truth while the user types; the parsed
 * value goes up only when it parses, so a half-typed brace does not wipe the value.
 */
export function JsonText(props: {
  id?: string
  value: unknown
  onChange: (value: unknown) => void
  rows?: number
  label?: string
}) {
  const [text, setText] = useState(() => show(props.value))
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    // Follow changes made elsewhere (form mode) unless they are what this text already says.
    setText((current) =>
      sameJson(current, props.value) ? current : show(props.value),
    )
  }, [props.value])
  return (
    <>
      <textarea
        id={props.id}
        aria-label={props.label}
        className="mono"
        rows={props.rows ?? 8}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          if (e.target.value.trim() === '') {
            setError(null)
            props.onChange(undefined)
            return
          }
          try {
            props.onChange(JSON.parse(e.target.value))
            setError(null)
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err))
          }
        }}
      />
      {error !== null && (
        <div className="hint error">Not JSON yet: {error}</div>
      )}
    </>
  )
}

function show(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2)
}

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value)
  } catch {
    return false
  }
}
