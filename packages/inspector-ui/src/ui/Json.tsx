import { LongText } from './LongText'

/** Pretty-printed JSON, as text (never HTML), cut when large. */
export function Json({
  value,
  filename = 'data.json',
}: {
  value: unknown
  filename?: string
}) {
  return (
    <LongText
      text={JSON.stringify(value, null, 2) ?? 'undefined'}
      filename={filename}
    />
  )
}
