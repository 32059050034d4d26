import {
  ALL_CAPABILITIES,
  CAPABILITY_KEYS,
  DEFAULT_CONFIG,
  isSecretHeader,
  PROTOCOL_CHOICES,
  type AuthKind,
  type CapabilityChoice,
  type ConnectConfig,
  type ProtocolChoice,
} from '@mcp-sse/inspector-ui/app'

/**
 * Connection settings in the page's address, so a link opens the same connection:
 * `?url=…&transport=sse&protocol=2024-11-05&sse=/events&post=/rpc&timeout=30000&stream=fetch&header=X-Tenant:%20a&auth=bearer`.
 * Secrets never go into a shared link: the token is left out, and so are secret-looking headers.
 */
export interface AddressSettings {
  config: ConnectConfig
  /** The address named a URL: open it at once. */
  autoConnect: boolean
}

const STREAMS = new Set(['auto', 'eventsource', 'fetch'])
const TRANSPORTS = new Set(['auto', 'streamable-http', 'sse'])
const AUTHS = new Set(['none', 'bearer', 'apikey', 'oauth'])

/** Reads `?…` and also `#?…`, for hosts where only the fragment can be set. */
export function readAddress(
  location: { search: string; hash: string },
  base: ConnectConfig = DEFAULT_CONFIG,
): AddressSettings {
  const query = location.search || location.hash.replace(/^#\??/, '?')
  const params = new URLSearchParams(query)
  const config: ConnectConfig = { ...base, headers: [...base.headers] }
  const url = params.get('url')
  if (url !== null) config.url = url
  const transport = params.get('transport')
  if (transport !== null && TRANSPORTS.has(transport)) {
    config.transport = transport as ConnectConfig['transport']
  }
  const protocol = params.get('protocol')
  if (
    protocol !== null &&
    PROTOCOL_CHOICES.includes(protocol as ProtocolChoice)
  ) {
    config.protocolVersion = protocol as ProtocolChoice
  }
  const sse = params.get('sse')
  if (sse !== null) config.sseEndpoint = sse
  const post = params.get('post')
  if (post !== null) config.postEndpoint = post
  const timeout = Number(params.get('timeout'))
  if (params.has('timeout') && Number.isFinite(timeout) && timeout > 0) {
    config.timeout = timeout
  }
  const stream = params.get('stream')
  if (stream !== null && STREAMS.has(stream)) {
    config.stream = stream as ConnectConfig['stream']
  }
  const auth = params.get('auth')
  if (auth !== null && AUTHS.has(auth)) config.auth = auth as AuthKind
  const caps = params.get('caps')
  if (caps !== null) config.capabilities = readCapabilities(caps)
  const authHeader = params.get('authHeader')
  if (authHeader !== null) config.authHeader = authHeader
  const headers = params.getAll('header')
  if (headers.length > 0) {
    config.headers = headers.map((line) => {
      const colon = line.indexOf(':')
      return colon < 0
        ? { name: line.trim(), value: '' }
        : {
            name: line.slice(0, colon).trim(),
            value: line.slice(colon + 1).trim(),
          }
    })
  }
  return { config, autoConnect: url !== null && params.get('connect') !== '0' }
}

/** The query string that reproduces `config`, without its secrets. */
export function writeAddress(config: ConnectConfig): string {
  const params = new URLSearchParams()
  params.set('url', config.url)
  if (config.transport !== 'auto') params.set('transport', config.transport)
  if (config.protocolVersion !== 'auto')
    params.set('protocol', config.protocolVersion)
  if (config.sseEndpoint) params.set('sse', config.sseEndpoint)
  if (config.postEndpoint) params.set('post', config.postEndpoint)
  if (config.timeout !== DEFAULT_CONFIG.timeout) {
    params.set('timeout', String(config.timeout))
  }
  if (config.stream !== 'auto') params.set('stream', config.stream)
  if (CAPABILITY_KEYS.some((k) => !config.capabilities[k])) {
    params.set(
      'caps',
      CAPABILITY_KEYS.filter((k) => config.capabilities[k]).join(',') || 'none',
    )
  }
  if (config.auth !== 'none') params.set('auth', config.auth)
  if (config.auth === 'apikey') params.set('authHeader', config.authHeader)
  for (const { name, value } of config.headers) {
    if (name && !isSecretHeader(name))
      params.append('header', `${name}: ${value}`)
  }
  return `?${params.toString()}`
}

/** `caps=sampling,roots` declares those only; `caps=none` declares none. */
function readCapabilities(list: string): CapabilityChoice {
  const named = new Set(list.split(',').map((s) => s.trim()))
  const choice = { ...ALL_CAPABILITIES }
  for (const key of CAPABILITY_KEYS) choice[key] = named.has(key)
  return choice
}
