import {
  TRANSPORT_LABELS,
  type ConnectConfig,
  type TransportChoice,
} from './config'
import {
  PROTOCOL_CHOICES,
  protocolConflict,
  protocolLabel,
  type ProtocolChoice,
} from './protocol'

/**
 * The transport and the protocol pin, side by side: a pin the chosen transport cannot carry is
 * disabled in the list, and explained when it arrives anyway (from a link or a saved form).
 */
export function TransportFields({
  config,
  onChange,
}: {
  config: ConnectConfig
  onChange: (patch: Partial<ConnectConfig>) => void
}) {
  const conflict = protocolConflict(config.transport, config.protocolVersion)
  return (
    <>
      <div className="grid2">
        <label className="field">
          <span className="field-label">Transport</span>
          <select
            aria-label="Transport"
            value={config.transport}
            onChange={(e) =>
              onChange({ transport: e.target.value as TransportChoice })
            }
          >
            {(Object.keys(TRANSPORT_LABELS) as TransportChoice[]).map((t) => (
              <option
                key={t}
                value={t}
                disabled={protocolConflict(t, config.protocolVersion) !== null}
              >
                {t === 'auto'
                  ? 'auto (detect)'
                  : `${TRANSPORT_LABELS[t]}${t === 'sse' ? ' (2024-11-05)' : ''}`}
              </option>
            ))}
          </select>
        </label>
        <label
          className="field"
          title="Pins the revision, and with it the era: 2026-07-28 is stateless (server/discover, no session); older ones start with initialize"
        >
          <span className="field-label">Protocol</span>
          <select
            aria-label="Protocol version"
            value={config.protocolVersion}
            onChange={(e) =>
              onChange({ protocolVersion: e.target.value as ProtocolChoice })
            }
          >
            {PROTOCOL_CHOICES.map((p) => (
              <option
                key={p}
                value={p}
                disabled={protocolConflict(config.transport, p) !== null}
              >
                {protocolLabel(p)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {conflict !== null && (
        <div className="warn-box" role="alert" data-testid="protocol-conflict">
          {conflict}
        </div>
      )}
    </>
  )
}
