import type { GetPromptResult, Prompt } from '@mcp-sse/core'
import { useState } from 'react'
import { errorText, explainTitle } from '../connect/explain'
import { usePrompts } from '../sessions/queries'
import type { Session } from '../sessions/store'
import { ContentView } from '../ui/Content'

export function PromptsPanel({ session }: { session: Session }) {
  const prompts = usePrompts(session)
  const [selected, setSelected] = useState<Prompt>()
  return (
    <div className="split">
      <div className="list-pane">
        {prompts.error !== null && (
          <div className="error-box">{errorText(prompts.error)}</div>
        )}
        <ul className="item-list" aria-label="Prompts">
          {(prompts.data ?? []).map((p) => (
            <li key={p.name}>
              <button
                type="button"
                className={p.name === selected?.name ? 'item selected' : 'item'}
                onClick={() => setSelected(p)}
              >
                <span className="item-name">{p.title ?? p.name}</span>
                {p.description !== undefined && (
                  <span className="item-desc">{p.description}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="detail-pane">
        {selected === undefined ? (
          <div className="hint">Choose a prompt.</div>
        ) : (
          <PromptForm key={selected.name} session={session} prompt={selected} />
        )}
      </div>
    </div>
  )
}

function PromptForm({ session, prompt }: { session: Session; prompt: Prompt }) {
  const [args, setArgs] = useState<Record<string, string>>({})
  const [out, setOut] = useState<{
    result?: GetPromptResult
    error?: unknown
  }>()
  return (
    <form
      aria-label={`Get ${prompt.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        const filled = Object.fromEntries(
          Object.entries(args).filter(([, v]) => v !== ''),
        )
        session.client.getPrompt(prompt.name, filled).then(
          (result) => setOut({ result }),
          (error: unknown) => setOut({ error }),
        )
      }}
    >
      <h3>{prompt.title ?? prompt.name}</h3>
      {prompt.description !== undefined && (
        <p className="desc">{prompt.description}</p>
      )}
      {(prompt.arguments ?? []).map((a) => (
        <label key={a.name} className="field">
          <span className="field-label">
            <span className="field-name">{a.name}</span>
            {a.required === true && <span className="req">*</span>}
            {a.description !== undefined && (
              <span className="field-desc">{a.description}</span>
            )}
          </span>
          <input
            name={a.name}
            required={a.required === true}
            value={args[a.name] ?? ''}
            onChange={(e) => setArgs({ ...args, [a.name]: e.target.value })}
          />
        </label>
      ))}
      <button type="submit" className="primary">
        Get prompt
      </button>
      {out?.error !== undefined && (
        <div className="error-box" role="alert">
          <strong>{explainTitle(out.error)}</strong> {errorText(out.error)}
        </div>
      )}
      {out?.result?.messages.map((m, i) => (
        <div key={i} className="message">
          <span className="chip">{m.role}</span>
          <ContentView block={m.content} />
        </div>
      ))}
    </form>
  )
}
