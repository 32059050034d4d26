import { useState } from 'react'
import { useInspector } from '@mcp-sse/inspector-ui'
import {
  CapabilityChooser,
  copyText,
  describeCapabilities,
  TransportFields,
  validateConfig,
  type AuthKind,
  type ConnectConfig,
} from '@mcp-sse/inspector-ui/app'
import { BridgeOffer } from '../bridge/BridgeOffer'
import { writeAddress } from './address'
import type { Preset } from './presets'
import { forgetConfig, saveConfig } from './storage'

export function ConnectForm(props: {
  initial: ConnectConfig
  remember: boolean
  /** Servers offered by name (the demo servers of `pnpm dev`). */
  presets?: readonly Preset[]
}) {
  const { sessionActions } = useInspector()
  const [config, setConfig] = useState(props.initial)
  const [remember, setRemember] = useState(props.remember)
  const [problem, setProblem] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const set = (patch: Partial<ConnectConfig>) =>
    setConfig((c) => ({ ...c, ...patch }))

  function connect(next: ConnectConfig = config) {
    const invalid = validateConfig(next)
    setProblem(invalid)
    if (invalid !== null) return
    saveConfig(next, remember)
    sessionActions.open(next)
  }

  return (
    <form
      className="connect-form"
      aria-label="Connect"
      onSubmit={(e) => {
        e.preventDefault()
        connect()
      }}
    >
      <label className="field">
        <span className="field-label">Server URL</span>
        <input
          name="url"
          aria-label="Server URL"
          placeholder="http://localhost:3001/mcp"
          value={config.url}
          onChange={(e) => set({ url: e.target.value })}
        />
      </label>
      <TransportFields config={config} onChange={set} />
      {props.presets !== undefined && props.presets.length > 0 && (
        <div className="presets" role="group" aria-label="Presets">
          {props.presets.map((preset) => (
            <button
              key={preset.label}
              type="button"
              className="small"
              title={preset.detail}
              onClick={() => {
                const next = { ...config, ...preset.config }
                setConfig(next)
                connect(next)
              }}
            >
              {preset.label}
            </button>
          ))}
        </div>
      )}
      <details className="caps-details">
        <summary>
          Capabilities:{' '}
          <span className="hint">
            {describeCapabilities(config.capabilities)}
          </span>
        </summary>
        <CapabilityChooser
          value={config.capabilities}
          onChange={(capabilities) => set({ capabilities })}
        />
      </details>
      <details>
        <summary>Paths, headers, timeout</summary>
        <div className="grid2">
          <label className="field">
            <span className="field-label">Stream path</span>
            <input
              aria-label="Stream path"
              placeholder="/sse"
              value={config.sseEndpoint}
              onChange={(e) => set({ sseEndpoint: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">POST path (fallback)</span>
            <input
              aria-label="POST path"
              placeholder="/message"
              value={config.postEndpoint}
              onChange={(e) => set({ postEndpoint: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">Timeout (ms)</span>
            <input
              aria-label="Request timeout"
              type="number"
              min={1}
              value={config.timeout}
              onChange={(e) => set({ timeout: e.target.valueAsNumber })}
            />
          </label>
          <label className="field">
            <span className="field-label">Stream via</span>
            <select
              aria-label="Stream via"
              value={config.stream}
              onChange={(e) =>
                set({ stream: e.target.value as ConnectConfig['stream'] })
              }
            >
              <option value="auto">auto</option>
              <option value="eventsource">EventSource</option>
              <option value="fetch">fetch</option>
            </select>
          </label>
        </div>
        <div className="grid2">
          <label className="field">
            <span className="field-label">Auth</span>
            <select
              aria-label="Auth"
              value={config.auth}
              onChange={(e) => set({ auth: e.target.value as AuthKind })}
            >
              <option value="none">none</option>
              <option value="bearer">Bearer token</option>
              <option value="apikey">API key header</option>
              <option value="oauth">OAuth sign-in</option>
            </select>
          </label>
          {config.auth === 'apikey' && (
            <label className="field">
              <span className="field-label">Key header</span>
              <input
                aria-label="API key header"
                value={config.authHeader}
                onChange={(e) => set({ authHeader: e.target.value })}
              />
            </label>
          )}
        </div>
        {(config.auth === 'bearer' || config.auth === 'apikey') && (
          <label className="field">
            <span className="field-label">
              {config.auth === 'bearer' ? 'Token' : 'API key'}
            </span>
            <input
              aria-label="Token"
              type="password"
              autoComplete="off"
              value={config.token}
              onChange={(e) => set({ token: e.target.value })}
            />
          </label>
        )}
        <div className="field">
          <span className="field-label">Headers</span>
          {config.headers.map((h, i) => (
            <div className="row" key={i}>
              <input
                aria-label={`Header ${i + 1} name`}
                placeholder="Name"
                value={h.name}
                onChange={(e) =>
                  set({
                    headers: config.headers.map((x, j) =>
                      j === i ? { ...x, name: e.target.value } : x,
                    ),
                  })
                }
              />
              <input
                aria-label={`Header ${i + 1} value`}
                placeholder="value"
                value={h.value}
                onChange={(e) =>
                  set({
                    headers: config.headers.map((x, j) =>
                      j === i ? { ...x, value: e.target.value } : x,
                    ),
                  })
                }
              />
              <button
                type="button"
                className="small"
                aria-label={`Remove header ${i + 1}`}
                onClick={() =>
                  set({ headers: config.headers.filter((_, j) => j !== i) })
                }
              >
                ✕
              </button>
            </div>
          ))}
          <button
            type="button"
            className="small"
            onClick={() =>
              set({ headers: [...config.headers, { name: '', value: '' }] })
            }
          >
            + header
          </button>
          <div className="hint">
            Headers make the stream use fetch (EventSource cannot send them).
          </div>
        </div>
        <label title="Without this, headers and tokens are never written to this browser's storage">
          <input
            type="checkbox"
            checked={remember}
            onChange={(e) => {
              setRemember(e.target.checked)
              if (!e.target.checked) forgetConfig()
            }}
          />{' '}
          remember headers and token on this device
        </label>
      </details>
      {problem !== null && (
        <div className="error-box" role="alert">
          {problem}
        </div>
      )}
      <BridgeOffer />
      <div className="row">
        <button type="submit" className="primary">
          Connect
        </button>
        <button
          type="button"
          className="small"
          title="A link that opens this connection (credentials left out)"
          onClick={() => {
            const link = `${location.origin}${location.pathname}${writeAddress(config)}`
            void copyText(link).then((ok) => setNote(ok ? 'Link copied' : link))
          }}
        >
          Copy link
        </button>
        {note !== null && <span className="hint">{note}</span>}
      </div>
    </form>
  )
}
