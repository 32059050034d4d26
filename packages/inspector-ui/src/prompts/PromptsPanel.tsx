import type { CompleteResult, GetPromptResult, Prompt } from '@mcp-sse/core'
import { useState } from 'react'
import { CompletionInput } from '../completion/CompletionInput'
import { errorText, explainTitle } from '../connect/explain'
import { usePrompts } from '../sessions/queries'
import type { Session } from '../sessions/store'
import { useSnapshot } from '../sessions/useSnapshot'
import { ContentView } from '../ui/Content'
import { ItemLabel } from '../ui/ItemLabel'

export function PromptsPanel({ session }: { session: Session }) {
  const prompts = usePrompts(session)
  const [selected, setSelected] = useState<string>()
  const prompt = prompts.data?.find((p) => p.name === selected)
  return (
    <div className="split">
      <div className="list-pane">
        <div className="pane-head">
          <strong>Prompts</strong>{' '}
          <span className="hint">{prompts.data?.length ?? 0}</span>
        </div>
        {prompts.error !== null && (
          <div className="error-box">{errorText(prompts.error)}</div>
        )}
        {prompts.data?.length === 0 && (
          <p className="hint empty-state">This server offers no prompts.</p>
        )}
        <ul className="item-list" aria-label="Prompts">
          {(prompts.data ?? []).map((p) => (
            <li key={p.name}>
              <button
                type="button"
                className={p.name === selected ? 'item selected' : 'item'}
                aria-current={p.name === selected}
                data-testid={`prompt-${p.name}`}
                onClick={() => setSelected(p.name)}
              >
                <ItemLabel name={p.name} title={p.title} icons={p.icons} />
                {p.description !== undefined && (
                  <span className="item-desc">{p.description}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="detail-pane">
        {prompt === undefined ? (
          <div className="empty-state hint">
            Choose a prompt to fill its arguments and get its messages.
          </div>
        ) : (
          <PromptForm key={prompt.name} session={session} prompt={prompt} />
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
  const snap = useSnapshot(session.client)
  const completes = snap.capabilities?.completions !== undefined
  const filled = Object.fromEntries(
    Object.entries(args).filter(([, v]) => v !== ''),
  )
  const completer = (name: string) =>
    completes
      ? (value: string): Promise<CompleteResult> => {
          const { [name]: _self, ...others } = filled
          return session.client.complete({
            ref: { type: 'ref/prompt', name: prompt.name },
            argument: { name, value },
            ...(Object.keys(others).length > 0 && {
              context: { arguments: others },
            }),
          })
        }
      : null
  return (
    <form
      aria-label={`Get ${prompt.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        session.client.getPrompt(prompt.name, filled).then(
          (result) => setOut({ result }),
          (error: unknown) => setOut({ error }),
        )
      }}
    >
      <h3>
        <ItemLabel
          name={prompt.name}
          title={prompt.title}
          icons={prompt.icons}
        />
      </h3>
      {prompt.description !== undefined && (
        <p className="desc">{prompt.description}</p>
      )}
      {(prompt.arguments ?? []).length === 0 && (
        <p className="hint">This prompt takes no arguments.</p>
      )}
      {(prompt.arguments ?? []).map((a) => (
        <div key={a.name} className="field">
          <span className="field-label">
            <span className="field-name">{a.title ?? a.name}</span>
            {a.title !== undefined && <code className="item-id">{a.name}</code>}
            {a.required === true && <span className="req">*</span>}
            {a.description !== undefined && (
              <span className="field-desc">{a.description}</span>
            )}
          </span>
          <CompletionInput
            name={a.name}
            label={a.name}
            required={a.required === true}
            value={args[a.name] ?? ''}
            onChange={(value) => setArgs((s) => ({ ...s, [a.name]: value }))}
            complete={completer(a.name)}
            contextKey={JSON.stringify(
              Object.entries(filled).filter(([k]) => k !== a.name),
            )}
          />
        </div>
      ))}
      {completes && (prompt.arguments ?? []).length > 0 && (
        <p className="hint">
          The server offers completions: suggestions appear as you type (↓ ↑
          Enter).
        </p>
      )}
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
