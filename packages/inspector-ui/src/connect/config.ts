import type { MCPSSEClientOptions } from '@mcp-sse/core'
import { routeThroughLauncher } from '../bridge/route'
import type { ProtocolChoice } from './protocol'
import { protocolConflict } from './protocol'
import {
  ALL_CAPABILITIES,
  clientCapabilities,
  type CapabilityChoice,
} from '../capabilities/capabilities'

/** `oauth`: sign in through the server's authorization server (the token never leaves the client). */
export type AuthKind = 'none' | 'bearer' | 'apikey' | 'oauth'

/** How to reach the server: let the client find out, or insist on one transport. */
export type TransportChoice = 'auto' | 'streamable-http' | 'sse'

export const TRANSPORT_LABELS: Record<TransportChoice, string> = {
  auto: 'auto',
  'streamable-http': 'Streamable HTTP',
  sse: 'HTTP+SSE',
}

export interface HeaderRow {
  name: string
  value: string
}

/** What the connect form holds: everything needed to open one session. */
export interface ConnectConfig {
  url: string
  transport: TransportChoice
  /** A pinned protocol revision (and with it the era), or `auto`. */
  protocolVersion: ProtocolChoice
  /** Stream path override; empty for the client's default (`/sse`). */
  sseEndpoint: string
  /** POST path override; empty for the client's default (`/message`). */
  postEndpoint: string
  headers: HeaderRow[]
  auth: AuthKind
  /** Header that carries an API key (`auth: 'apikey'`). */
  authHeader: string
  token: string
  /** Request timeout in milliseconds. */
  timeout: number
  stream: 'auto' | 'eventsource' | 'fetch'
  /** The client capabilities declared in `initialize`. */
  capabilities: CapabilityChoice
}

export const DEFAULT_CONFIG: ConnectConfig = {
  url: '',
  transport: 'auto',
  protocolVersion: 'auto',
  sseEndpoint: '',
  postEndpoint: '',
  headers: [],
  auth: 'none',
  authHeader: 'X-API-Key',
  token: '',
  timeout: 60_000,
  stream: 'auto',
  capabilities: ALL_CAPABILITIES,
}

/** The headers a session sends: the listed ones plus the auth shortcut's. */
export function headersOf(config: ConnectConfig): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const { name, value } of config.headers) {
    if (name.trim() !== '') headers[name.trim()] = value
  }
  if (config.token !== '') {
    if (config.auth === 'bearer')
      headers.Authorization = `Bearer ${config.token}`
    if (config.auth === 'apikey' && config.authHeader.trim() !== '') {
      headers[config.authHeader.trim()] = config.token
    }
  }
  return headers
}

/** On a page opened by the local launcher, its stdio endpoint and bridged servers go through it. */
export function clientOptions(config: ConnectConfig): MCPSSEClientOptions {
  return routeThroughLauncher(directOptions(config))
}

function directOptions(config: ConnectConfig): MCPSSEClientOptions {
  const headers = headersOf(config)
  return {
    url: config.url.trim(),
    transport: config.transport,
    ...(config.protocolVersion !== 'auto' && {
      protocolVersion: config.protocolVersion,
    }),
    ...(config.sseEndpoint.trim() && {
      sseEndpoint: config.sseEndpoint.trim(),
    }),
    ...(config.postEndpoint.trim() && {
      postEndpoint: config.postEndpoint.trim(),
    }),
    ...(Object.keys(headers).length > 0 && { headers }),
    requestTimeout: config.timeout,
    stream: config.stream,
    capabilities: clientCapabilities(config.capabilities),
    clientInfo: { name: 'mcp-sse-inspector', version: '0.1.0' },
  }
}

/** Checks the form before a client is made, so the user reads a sentence rather than an exception. */
export function validateConfig(config: ConnectConfig): string | null {
  const url = config.url.trim()
  if (url === '') return 'Enter the server URL, e.g. http://localhost:3001'
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return `“${url}” is not a URL. Include the scheme, e.g. http://localhost:3001`
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `Only http: and https: URLs carry SSE; “${parsed.protocol}” does not.`
  }
  const conflict = protocolConflict(config.transport, config.protocolVersion)
  if (conflict !== null) return conflict
  if (config.auth === 'oauth' && config.stream === 'eventsource') {
    return 'EventSource cannot send the token an OAuth sign-in gets: set “Stream via” to auto or fetch.'
  }
  if (!Number.isFinite(config.timeout) || config.timeout <= 0) {
    return 'The request timeout must be a positive number of milliseconds.'
  }
  return null
}
