import {
  CAPABILITY_KEYS,
  CAPABILITY_LABELS,
  type CapabilityChoice,
} from './capabilities'

const HINTS: Record<keyof CapabilityChoice, string> = {
  sampling: 'Answer sampling/createMessage: you write the model’s reply',
  elicitationForm:
    'Answer elicitation/create forms the server asks you to fill',
  elicitationUrl:
    'Answer elicitation/create in URL mode: a link you choose to open',
  roots: 'Answer roots/list with the roots you edit in the Roots tab',
  tasks:
    'Let the server ask for sampling and elicitation as tasks the client runs (2025-11-25)',
}

/** Which client capabilities the next session declares in `initialize`. */
export function CapabilityChooser({
  value,
  onChange,
}: {
  value: CapabilityChoice
  onChange: (value: CapabilityChoice) => void
}) {
  return (
    <fieldset className="capabilities" aria-label="Client capabilities">
      <legend>Client capabilities</legend>
      {CAPABILITY_KEYS.map((key) => (
        <label key={key} title={HINTS[key]} className="check">
          <input
            type="checkbox"
            checked={value[key]}
            onChange={(e) => onChange({ ...value, [key]: e.target.checked })}
          />
          {CAPABILITY_LABELS[key]}
        </label>
      ))}
    </fieldset>
  )
}
