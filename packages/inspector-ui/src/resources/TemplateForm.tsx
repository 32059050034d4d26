import type { CompleteResult, ResourceTemplate } from '@mcp-sse/core'
import { CompletionInput } from '../completion/CompletionInput'
import type { Session } from '../sessions/store'
import { ItemLabel } from '../ui/ItemLabel'
import { expandTemplate, templateParams } from './template'
import { useInspector } from '../inspector/context'

/** One template: its parameters (with the server's completions), and Read once all are filled. */
export function TemplateForm({
  session,
  template,
  completes,
  onRead,
}: {
  session: Session
  template: ResourceTemplate
  completes: boolean
  onRead: (uri: string) => void
}) {
  const { useResourcesState, resourceActions } = useInspector()
  const key = `${session.id}\u0000${template.uriTemplate}`
  const values = useResourcesState((s) => s.params[key]) ?? {}
  const names = templateParams(template.uriTemplate)
  const missing = names.filter((n) => (values[n] ?? '').trim() === '')
  const completer = (name: string) =>
    completes
      ? (value: string): Promise<CompleteResult> => {
          const others = Object.fromEntries(
            Object.entries(values).filter(([k, v]) => k !== name && v !== ''),
          )
          return session.client.complete({
            ref: { type: 'ref/resource', uri: template.uriTemplate },
            argument: { name, value },
            ...(Object.keys(others).length > 0 && {
              context: { arguments: others },
            }),
          })
        }
      : null
  return (
    <form
      className="template"
      aria-label={`Template ${template.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        if (missing.length === 0)
          onRead(expandTemplate(template.uriTemplate, values))
      }}
    >
      <div className="template-head">
        <ItemLabel
          name={template.name}
          title={template.title}
          icons={template.icons}
        />
        <code className="ellipsis template-uri" title={template.uriTemplate}>
          {template.uriTemplate}
        </code>
      </div>
      {template.description !== undefined && (
        <div className="item-desc" title={template.description}>
          {template.description}
        </div>
      )}
      <div className="row template-params">
        {names.map((name) => (
          <CompletionInput
            key={name}
            label={`${template.name} ${name}`}
            placeholder={name}
            value={values[name] ?? ''}
            onChange={(v) => resourceActions.setParam(key, name, v)}
            complete={completer(name)}
            contextKey={JSON.stringify(values)}
          />
        ))}
        <button
          type="submit"
          className="small"
          disabled={missing.length > 0}
          title={
            missing.length > 0 ? `Fill ${missing.join(', ')} first` : undefined
          }
        >
          Read
        </button>
      </div>
      {missing.length > 0 && names.length > 0 && (
        <div className="hint">Fill {missing.join(', ')} to read.</div>
      )}
    </form>
  )
}
