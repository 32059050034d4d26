import type { ReadResourceResult } from '@mcp-sse/core'
import { useEffect, useState } from 'react'
import { errorText, explainTitle } from '../connect/explain'
import { useResources, useTemplates } from '../sessions/queries'
import type { Session } from '../sessions/store'
import { useSnapshot } from '../sessions/useSnapshot'
import { ResourceContentsView } from '../ui/Content'
import { Json } from '../ui/Json'

/** `{name}`-style parameters of an RFC 6570 template (the simple and `{+x}`/`{?x,y}` forms). */
export function templateParams(template: string): string[] {
  const names: string[] = []
  for (const match of template.matchAll(/\{([+#./;?&]?)([^}]+)\}/g)) {
    for (const name of (match[2] ?? '').split(','))
      names.push(name.replace(/\*$/, '').trim())
  }
  return names
}

export function expandTemplate(
  template: string,
  values: Record<string, string>,
): string {
  return template.replace(
    /\{([+#./;?&]?)([^}]+)\}/g,
    (_, op: string, body: string) => {
      const names = body.split(',').map((n) => n.replace(/\*$/, '').trim())
      if (op === '?' || op === '&') {
        const parts = names.map(
          (n) => `${n}=${encodeURIComponent(values[n] ?? '')}`,
        )
        return `${op}${parts.join('&')}`
      }
      const encode = op === '+' || op === '#' ? encodeURI : encodeURIComponent
      return (
        (op === '+' ? '' : op) +
        names.map((n) => encode(values[n] ?? '')).join(',')
      )
    },
  )
}

export function ResourcesPanel({ session }: { session: Session }) {
  const resources = useResources(session)
  const templates = useTemplates(session)
  const snap = useSnapshot(session.client)
  const [read, setRead] = useState<{
    uri: string
    result?: ReadResourceResult
    error?: unknown
  }>()
  const [subscribed, setSubscribed] = useState<Set<string>>(new Set())
  const [params, setParams] = useState<Record<string, Record<string, string>>>(
    {},
  )
  const canSubscribe = snap.capabilities?.resources?.subscribe === true

  // A subscribed resource the server says changed is read again, so the pane shows what is current.
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
            subscribed.has(uri)
          )
            void readUri(uri)
        },
      ),
    // readUri is left out of the deps: it closes over nothing but session.
    [session, shownUri, subscribed],
  )

  async function readUri(uri: string) {
    setRead({ uri })
    try {
      setRead({ uri, result: await session.client.readResource(uri) })
    } catch (error) {
      setRead({ uri, error })
    }
  }

  async function toggleSubscription(uri: string) {
    const on = subscribed.has(uri)
    try {
      if (on) await session.client.unsubscribeResource(uri)
      else await session.client.subscribeResource(uri)
      setSubscribed((s) => {
        const next = new Set(s)
        if (on) next.delete(uri)
        else next.add(uri)
        return next
      })
    } catch (error) {
      setRead({ uri, error })
    }
  }

  return (
    <div className="split">
      <div className="list-pane">
        <strong>Resources</strong>{' '}
        <span className="hint">{resources.data?.length ?? 0}</span>
        {resources.error !== null && (
          <div className="error-box">{errorText(resources.error)}</div>
        )}
        <ul className="item-list" aria-label="Resources">
          {(resources.data ?? []).map((r) => (
            <li key={r.uri} className="row">
              <button
                type="button"
                className="item"
                onClick={() => void readUri(r.uri)}
              >
                <span className="item-name">{r.title ?? r.name}</span>
                <span className="item-desc">{r.uri}</span>
              </button>
              {canSubscribe && (
                <button
                  type="button"
                  className="small"
                  onClick={() => void toggleSubscription(r.uri)}
                >
                  {subscribed.has(r.uri) ? 'Unsubscribe' : 'Subscribe'}
                </button>
              )}
            </li>
          ))}
        </ul>
        <strong>Templates</strong>{' '}
        <span className="hint">{templates.data?.length ?? 0}</span>
        <ul className="item-list" aria-label="Resource templates">
          {(templates.data ?? []).map((t) => {
            const values = params[t.uriTemplate] ?? {}
            return (
              <li key={t.uriTemplate}>
                <form
                  className="template"
                  onSubmit={(e) => {
                    e.preventDefault()
                    void readUri(expandTemplate(t.uriTemplate, values))
                  }}
                >
                  <div>
                    <span className="item-name">{t.title ?? t.name}</span>{' '}
                    <code>{t.uriTemplate}</code>
                  </div>
                  {templateParams(t.uriTemplate).map((name) => (
                    <input
                      key={name}
                      aria-label={`${t.name} ${name}`}
                      placeholder={name}
                      value={values[name] ?? ''}
                      onChange={(e) =>
                        setParams({
                          ...params,
                          [t.uriTemplate]: {
                            ...values,
                            [name]: e.target.value,
                          },
                        })
                      }
                    />
                  ))}
                  <button type="submit" className="small">
                    Read
                  </button>
                </form>
              </li>
            )
          })}
        </ul>
      </div>
      <div className="detail-pane">
        {read === undefined ? (
          <div className="hint">Choose a resource to read it.</div>
        ) : read.error !== undefined ? (
          <div className="error-box" role="alert">
            <strong>{explainTitle(read.error)}</strong> {errorText(read.error)}
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
