import { useEffect } from 'react'
import { errorText, explainTitle } from '../connect/explain'
import { useResources, useTemplates } from '../sessions/queries'
import type { Session } from '../sessions/store'
import { useSnapshot } from '../sessions/useSnapshot'
import { ResourceContentsView } from '../ui/Content'
import { ItemLabel } from '../ui/ItemLabel'
import { TemplateForm } from './TemplateForm'
import { useInspector } from '../inspector/context'

export { expandTemplate, templateParams } from './template'

const NONE: string[] = []

export function ResourcesPanel({ session }: { session: Session }) {
  const { useResourcesState, resourceActions } = useInspector()
  const resources = useResources(session)
  const templates = useTemplates(session)
  const snap = useSnapshot(session.client)
  const read = useResourcesState((s) => s.read[session.id])
  const subscribed = useResourcesState((s) => s.subscribed[session.id]) ?? NONE
  const canSubscribe = snap.capabilities?.resources?.subscribe === true
  const completes = snap.capabilities?.completions !== undefined

  async function readUri(uri: string) {
    resourceActions.setRead(session.id, { uri })
    try {
      const result = await session.client.readResource(uri)
      resourceActions.setRead(session.id, { uri, result })
    } catch (error) {
      resourceActions.setRead(session.id, { uri, error })
    }
  }

  // A subscribed resource the server says changed is read again, if it is the one shown.
  const shownUri = read?.uri
  useEffect(
    () =>
      session.client.onNotification(
        'notifications/resources/updated',
        (params) => {
          const uri = params?.uri
          if (
            typeof uri === 'string' &&
            uri === shownUri &&
            subscribed.includes(uri)
          )
            void readUri(uri)
        },
      ),
    [session, shownUri, subscribed],
  )

  async function toggleSubscription(uri: string) {
    const on = subscribed.includes(uri)
    try {
      if (on) await session.client.unsubscribeResource(uri)
      else await session.client.subscribeResource(uri)
      resourceActions.setSubscribed(session.id, uri, !on)
    } catch (error) {
      resourceActions.setRead(session.id, { uri, error })
    }
  }

  return (
    <div className="split">
      <div className="list-pane">
        <div className="pane-head">
          <strong>Resources</strong>{' '}
          <span className="hint">{resources.data?.length ?? 0}</span>
        </div>
        {resources.error !== null && (
          <div className="error-box">{errorText(resources.error)}</div>
        )}
        {resources.data?.length === 0 && (
          <p className="hint">This server lists no resources.</p>
        )}
        <ul className="item-list" aria-label="Resources">
          {(resources.data ?? []).map((r) => (
            <li key={r.uri} className="resource-row">
              <button
                type="button"
                className={r.uri === shownUri ? 'item selected' : 'item'}
                onClick={() => void readUri(r.uri)}
              >
                <ItemLabel name={r.name} title={r.title} icons={r.icons} />
                <span className="item-desc" title={r.uri}>
                  {r.uri}
                </span>
              </button>
              {canSubscribe && (
                <button
                  type="button"
                  className="small"
                  aria-pressed={subscribed.includes(r.uri)}
                  onClick={() => void toggleSubscription(r.uri)}
                >
                  {subscribed.includes(r.uri) ? 'Unsubscribe' : 'Subscribe'}
                </button>
              )}
            </li>
          ))}
        </ul>
        <div className="pane-head">
          <strong>Templates</strong>{' '}
          <span className="hint">{templates.data?.length ?? 0}</span>
        </div>
        <ul className="item-list" aria-label="Resource templates">
          {(templates.data ?? []).map((t) => (
            <li key={t.uriTemplate}>
              <TemplateForm
                session={session}
                template={t}
                completes={completes}
                onRead={(uri) => void readUri(uri)}
              />
            </li>
          ))}
        </ul>
      </div>
      <div className="detail-pane">
        {read === undefined ? (
          <div className="empty-state hint">
            Choose a resource, or fill a template, to read it.
          </div>
        ) : read.error !== undefined ? (
          <div className="error-box" role="alert">
            <strong>{explainTitle(read.error)}.</strong> {errorText(read.error)}
          </div>
        ) : read.result === undefined ? (
          <div className="hint">Reading {read.uri}…</div>
        ) : (
          read.result.contents.map((c, i) => (
            <ResourceContentsView key={i} contents={c} />
          ))
        )}
      </div>
    </div>
  )
}
