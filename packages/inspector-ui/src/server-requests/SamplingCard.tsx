import { MCPError } from '@mcp-sse/core'
import { ItemIcon } from '../ui/Icon'
import { Json } from '../ui/Json'
import { LongText } from '../ui/LongText'
import { RequestFrame } from './RequestFrame'
import { SamplingMessages } from './SamplingBlocks'
import { type ServerRequest } from './store'
import { readSampling, type SamplingReply, type StopReason } from './types'
import { useInspector } from '../inspector/context'

const STOP_REASONS: StopReason[] = [
  'endTurn',
  'stopSequence',
  'maxTokens',
  'toolUse',
]

const EMPTY_REPLY: SamplingReply = {
  role: 'assistant',
  text: '',
  model: 'inspector-human',
  stopReason: 'endTurn',
}

/**
 * A `sampling/createMessage` from the server: everything it asked for, and the reply the user
 * writes in place of a model, approved or rejected (the human in the loop the spec asks for).
 */
export function SamplingCard({ request }: { request: ServerRequest }) {
  const { useServerRequests, serverRequestActions } = useInspector()
  const params = readSampling(request.params)
  const stored = useServerRequests((s) => s.drafts[request.key]) as
    SamplingReply | undefined
  const reply = stored ?? EMPTY_REPLY
  const edit = (patch: Partial<SamplingReply>) =>
    serverRequestActions.setDraft(request.key, { ...reply, ...patch })
  const prefs = params.modelPreferences
  const hints = (prefs?.hints ?? [])
    .map((h) => h?.name)
    .filter((n): n is string => typeof n === 'string')

  function approve() {
    serverRequestActions.settle(request.key, {
      result: {
        role: reply.role,
        content: { type: 'text', text: reply.text },
        model: reply.model.trim() || 'inspector-human',
        stopReason: reply.stopReason,
      },
      outcome: `${reply.role} text, ${reply.text.length} characters, as ${reply.model || 'inspector-human'} (${reply.stopReason})`,
    })
  }

  function reject() {
    serverRequestActions.settle(request.key, {
      // -1 is what the spec's examples use for a user's refusal.
      error: new MCPError('rpc', 'User rejected sampling request', {
        rpcCode: -1,
      }),
      outcome: 'the user rejected the request (error -1)',
    })
  }

  return (
    <RequestFrame
      request={request}
      actions={
        <>
          <button
            type="button"
            className="primary"
            disabled={reply.text.trim() === ''}
            title={
              reply.text.trim() === '' ? 'Write the reply first' : 'Ctrl+Enter'
            }
            onClick={approve}
          >
            Approve reply
          </button>
          <button type="button" onClick={reject}>
            Reject
          </button>
        </>
      }
    >
      <dl className="facts request-facts">
        <dt>max tokens</dt>
        <dd>{params.maxTokens ?? '—'}</dd>
        {params.temperature !== undefined && (
          <>
            <dt>temperature</dt>
            <dd>{params.temperature}</dd>
          </>
        )}
        {hints.length > 0 && (
          <>
            <dt>model hints</dt>
            <dd>{hints.join(', ')}</dd>
          </>
        )}
        {prefs !== undefined && (
          <>
            <dt>priorities</dt>
            <dd>
              cost {prefs.costPriority ?? '—'} · speed{' '}
              {prefs.speedPriority ?? '—'} · intelligence{' '}
              {prefs.intelligencePriority ?? '—'}
            </dd>
          </>
        )}
        {params.includeContext !== undefined && (
          <>
            <dt>context</dt>
            <dd>{String(params.includeContext)}</dd>
          </>
        )}
        {params.stopSequences !== undefined && (
          <>
            <dt>stop at</dt>
            <dd>
              {params.stopSequences.map((s) => JSON.stringify(s)).join(', ')}
            </dd>
          </>
        )}
      </dl>
      {params.systemPrompt !== undefined && (
        <div className="system-prompt">
          <span className="hint">system prompt</span>
          <LongText text={String(params.systemPrompt)} />
        </div>
      )}
      <SamplingMessages messages={params.messages} />
      {params.tools !== undefined && params.tools.length > 0 && (
        <details className="sampling-tools" open>
          <summary>
            {params.tools.length} tool(s) the model may use · tool choice:{' '}
            {params.toolChoice?.mode ?? 'auto'}
          </summary>
          <ul className="item-list">
            {params.tools.map((t) => (
              <li key={t.name}>
                <ItemIcon icons={t.icons} />
                <code>{t.name}</code>
                {t.description !== undefined && (
                  <span className="hint"> {String(t.description)}</span>
                )}
                <details>
                  <summary className="hint">inputSchema</summary>
                  <Json value={t.inputSchema} />
                </details>
              </li>
            ))}
          </ul>
        </details>
      )}
      {params.metadata !== undefined && (
        <details>
          <summary className="hint">metadata</summary>
          <Json value={params.metadata} />
        </details>
      )}
      {request.state === 'pending' && (
        <fieldset className="reply" aria-label="Reply">
          <legend>Your reply, in place of the model</legend>
          <div className="row">
            <label className="field">
              <span className="field-label">role</span>
              <select
                aria-label="Reply role"
                value={reply.role}
                onChange={(e) =>
                  edit({ role: e.target.value as SamplingReply['role'] })
                }
              >
                <option value="assistant">assistant</option>
                <option value="user">user</option>
              </select>
            </label>
            <label className="field">
              <span className="field-label">model</span>
              <input
                aria-label="Model name"
                value={reply.model}
                onChange={(e) => edit({ model: e.target.value })}
              />
            </label>
            <label className="field">
              <span className="field-label">stop reason</span>
              <select
                aria-label="Stop reason"
                value={reply.stopReason}
                onChange={(e) =>
                  edit({ stopReason: e.target.value as StopReason })
                }
              >
                {STOP_REASONS.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </label>
          </div>
          <textarea
            aria-label="Reply text"
            rows={4}
            placeholder="What the model would answer"
            value={reply.text}
            onChange={(e) => edit({ text: e.target.value })}
            onKeyDown={(e) => {
              if (
                e.key === 'Enter' &&
                (e.ctrlKey || e.metaKey) &&
                reply.text.trim() !== ''
              ) {
                e.preventDefault()
                approve()
              }
            }}
          />
        </fieldset>
      )}
    </RequestFrame>
  )
}
