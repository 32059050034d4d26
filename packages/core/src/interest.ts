import type { InboundRouter } from './inbound'
import type { LoggingLevel, ServerCapabilities } from './protocol'

/** What a `subscriptions/listen` stream asks the server for (protocol 2026-07-28). */
export interface ListenFilter {
  toolsListChanged?: boolean
  promptsListChanged?: boolean
  resourcesListChanged?: boolean
  resourceSubscriptions?: string[]
}

const LIST_CHANGES = [
  ['notifications/tools/list_changed', 'toolsListChanged', 'tools'],
  ['notifications/prompts/list_changed', 'promptsListChanged', 'prompts'],
  ['notifications/resources/list_changed', 'resourcesListChanged', 'resources'],
] as const

/**
 * What the client wants from the server beyond answers: the notifications its listeners wait for,
 * the resources it subscribed to, and the log level it set. Sessions of 2025 carry these as
 * server-side state; protocol 2026-07-28 has none, so the client keeps them and sends them along
 * (a listen stream's filter, `logLevel` in each request's `_meta`).
 */
export class ClientInterest {
  readonly #resources = new Set<string>()
  #level: LoggingLevel | null = null
  readonly #watchers = new Set<() => void>()

  readonly #inbound: InboundRouter

  constructor(inbound: InboundRouter) {
    this.#inbound = inbound
    inbound.onListenersChange(() => this.#changed())
  }

  get logLevel(): LoggingLevel | null {
    return this.#level
  }

  setLogLevel(level: LoggingLevel): void {
    this.#level = level
  }

  subscribe(uri: string): void {
    if (this.#resources.has(uri)) return
    this.#resources.add(uri)
    this.#changed()
  }

  unsubscribe(uri: string): void {
    if (this.#resources.delete(uri)) this.#changed()
  }

  /** The listen filter for a server with `capabilities`; null when nothing is wanted. */
  filter(capabilities: ServerCapabilities | null): ListenFilter | null {
    const filter: ListenFilter = {}
    for (const [method, field, capability] of LIST_CHANGES) {
      if (
        capabilities?.[capability]?.listChanged &&
        this.#inbound.isListened(method)
      )
        filter[field] = true
    }
    if (this.#resources.size > 0 && capabilities?.resources?.subscribe)
      filter.resourceSubscriptions = [...this.#resources].sort()
    return Object.keys(filter).length > 0 ? filter : null
  }

  /** Called whenever the filter may have changed; returns unsubscribe. */
  onChange(watcher: () => void): () => void {
    this.#watchers.add(watcher)
    return () => {
      this.#watchers.delete(watcher)
    }
  }

  #changed(): void {
    for (const watcher of [...this.#watchers]) watcher()
  }
}
