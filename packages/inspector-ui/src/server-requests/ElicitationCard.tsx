import { useMemo } from 'react'
import { validate } from '../tools/validate'
import { LongText } from '../ui/LongText'
import { defaultsOf, fieldsOf } from './elicit-schema'
import { ElicitationForm } from './ElicitationForm'
import { RequestFrame } from './RequestFrame'
import { type ServerRequest } from './store'
import {
  readElicit,
  type ElicitAction,
  type ElicitFormParams,
  type ElicitUrlParams,
} from './types'
import { useInspector } from '../inspector/context'
import type { Inspector } from '../inspector/create'

function answer(
  { serverRequestActions }: Inspector,
  request: ServerRequest,
  action: ElicitAction,
  content?: Record<string, unknown>,
) {
  serverRequestActions.settle(request.key, {
    result: content === undefined ? { action } : { action, content },
    outcome:
      content === undefined
        ? action
        : `${action} with ${Object.keys(content).length} field(s)`,
  })
}

/** An `elicitation/create`: a form to fill, or a URL to open; the user accepts, declines or cancels. */
export function ElicitationCard({ request }: { request: ServerRequest }) {
  const params = readElicit(request.params)
  return params.mode === 'url' ? (
    <UrlElicitation request={request} params={params} />
  ) : (
    <FormElicitation request={request} params={params} />
  )
}

function Refuse({ request }: { request: ServerRequest }) {
  const inspector = useInspector()
  return (
    <>
      <button
        type="button"
        onClick={() => answer(inspector, request, 'decline')}
      >
        Decline
      </button>
      <button
        type="button"
        title="Dismiss without choosing"
        onClick={() => answer(inspector, request, 'cancel')}
      >
        Cancel
      </button>
    </>
  )
}

function FormElicitation({
  request,
  params,
}: {
  request: ServerRequest
  params: ElicitFormParams
}) {
  const inspector = useInspector()
  const { useServerRequests } = inspector
  const fields = useMemo(
    () => fieldsOf(params.requestedSchema),
    [params.requestedSchema],
  )
  const draft = useServerRequests((s) => s.drafts[request.key]) as
    Record<string, unknown> | undefined
  const values = draft ?? defaultsOf(fields)
  const issues = validate(params.requestedSchema, values)
  const content = Object.fromEntries(
    Object.entries(values).filter(([name]) =>
      fields.some((f) => f.name === name && f.kind !== 'unsupported'),
    ),
  )
  return (
    <RequestFrame
      request={request}
      actions={
        <>
          <button
            type="button"
            className="primary"
            disabled={issues.length > 0}
            title={
              issues.length > 0 ? 'Fix the fields marked first' : undefined
            }
            onClick={() => answer(inspector, request, 'accept', content)}
          >
            Accept
          </button>
          <Refuse request={request} />
          {issues.length > 0 && (
            <span className="hint error">{issues.length} field(s) to fix</span>
          )}
        </>
      }
    >
      <div className="elicit-message">
        <LongText text={params.message} />
      </div>
      {request.state === 'pending' && (
        <ElicitationForm
          fields={fields}
          values={values}
          issues={issues}
          onChange={(next) =>
            inspector.serverRequestActions.setDraft(request.key, next)
          }
        />
      )}
    </RequestFrame>
  )
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

function UrlElicitation({
  request,
  params,
}: {
  request: ServerRequest
  params: ElicitUrlParams
}) {
  const inspector = useInspector()
  const { getSession } = inspector
  let parsed: URL | null = null
  try {
    parsed = new URL(params.url)
  } catch {
    parsed = null
  }
  const web =
    parsed !== null &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:')
  const serverUrl = getSession(request.session)?.config.url ?? ''
  const serverOrigin = originOf(serverUrl)
  const elsewhere =
    parsed !== null && serverOrigin !== null && parsed.origin !== serverOrigin
  return (
    <RequestFrame
      request={request}
      actions={
        <>
          <button
            type="button"
            className="primary"
            disabled={!web}
            title={
              web ? undefined : 'Only http: and https: links can be opened'
            }
            onClick={() => {
              if (parsed === null || !web) return
              // A new top-level tab that cannot reach back into this page.
              window.open(parsed.href, '_blank', 'noopener,noreferrer')
              answer(inspector, request, 'accept')
            }}
          >
            Open {parsed?.host ?? 'link'}
          </button>
          <Refuse request={request} />
        </>
      }
    >
      <div className="elicit-message">
        <LongText text={params.message} />
      </div>
      <dl className="facts url-facts">
        <dt>opens</dt>
        <dd>
          <strong className="url-origin" data-testid="elicit-origin">
            {parsed === null
              ? 'not a URL'
              : parsed.protocol === 'file:'
                ? 'file:'
                : parsed.origin}
          </strong>
        </dd>
        <dt>full URL</dt>
        <dd>
          <code className="url-text" data-testid="elicit-url">
            {params.url}
          </code>
        </dd>
        {params.elicitationId !== '' && (
          <>
            <dt>id</dt>
            <dd>
              <code>{params.elicitationId}</code>
            </dd>
          </>
        )}
      </dl>
      {!web && (
        <div className="error-box" role="alert">
          This is not an http(s) link, so the inspector will not open it.
        </div>
      )}
      {web && elsewhere && (
        <div className="warn-box" data-testid="elicit-elsewhere">
          This link leads to {parsed?.origin}, not to the server ({serverOrigin}
          ). Open it only if you expect that site.
        </div>
      )}
      {web && parsed?.protocol === 'http:' && (
        <div className="warn-box">This link is not encrypted (http:).</div>
      )}
    </RequestFrame>
  )
}
