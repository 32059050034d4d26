import type { MCPSSEClient } from './client'
import { cacheHintsOf } from './cache-hints'
import { MCPError } from './errors'
import type {
  Prompt,
  Resource,
  ResourceTemplate,
  ServerCapabilities,
  Tool,
} from './protocol'
import { Store } from './store'

/** What a server offers, as far as the catalog has loaded it. Immutable, like the client's snapshot. */
export interface MCPCatalogSnapshot {
  readonly tools: readonly Tool[]
  readonly resources: readonly Resource[]
  readonly resourceTemplates: readonly ResourceTemplate[]
  readonly prompts: readonly Prompt[]
  /** A list is being loaded (the first load after ready, or a refresh after `list_changed`). */
  readonly loading: boolean
  /** The last load that failed; cleared by the next one that succeeds. */
  readonly error: MCPError | null
}

/** The lists a catalog keeps, each named after its field in {@link MCPCatalogSnapshot}. */
export type CatalogList =
  'tools' | 'resources' | 'resourceTemplates' | 'prompts'

const EMPTY: readonly never[] = Object.freeze([])

export const EMPTY_CATALOG: MCPCatalogSnapshot = Object.freeze({
  tools: EMPTY,
  resources: EMPTY,
  resourceTemplates: EMPTY,
  prompts: EMPTY,
  loading: false,
  error: null,
})

const LISTS: readonly CatalogList[] = [
  'tools',
  'resources',
  'resourceTemplates',
  'prompts',
]

/** Which server capability announces each list. */
const CAPABILITY: Record<CatalogList, keyof ServerCapabilities> = {
  tools: 'tools',
  resources: 'resources',
  resourceTemplates: 'resources',
  prompts: 'prompts',
}

/** Which `list_changed` notification makes each list stale. */
const CHANGED: Record<string, readonly CatalogList[]> = {
  'notifications/tools/list_changed': ['tools'],
  'notifications/resources/list_changed': ['resources', 'resourceTemplates'],
  'notifications/prompts/list_changed': ['prompts'],
}

const catalogs = new WeakMap<MCPSSEClient, MCPCatalog>()

/**
 * Keeps a client's tools, resources, resource templates and prompts current: loads every page of
 * each list the server announced once the client is ready (again after every reconnect, since a new
 * session may see a different server) and reloads a list when the server says it changed.
 *
 * Work starts when the first listener subscribes and stops when the last one leaves, so a catalog
 * nobody reads sends nothing.
 *
 * @example
 * ```ts
 * const catalog = MCPCatalog.for(client)
 * const stop = catalog.subscribe(() => render(catalog.getSnapshot().tools))
 * ```
 */
export class MCPCatalog {
  /** The one catalog of `client`, so that every reader shares its loads. */
  static for(client: MCPSSEClient): MCPCatalog {
    let catalog = catalogs.get(client)
    if (!catalog) {
      catalog = new MCPCatalog(client)
      catalogs.set(client, catalog)
    }
    return catalog
  }

  readonly client: MCPSSEClient
  readonly #store = new Store<MCPCatalogSnapshot>(EMPTY_CATALOG)
  #listeners = 0
  #stopWatching: (() => void) | null = null
  #wasReady = false
  /** Bumped per list on every load, so that an older load finishing late is ignored. */
  readonly #generation: Record<CatalogList, number> = {
    tools: 0,
    resources: 0,
    resourceTemplates: 0,
    prompts: 0,
  }
  readonly #inFlight = new Set<CatalogList>()
  /** When each list stops being fresh, where the server gave a `ttlMs` (2026-07-28). */
  readonly #freshUntil = new Map<CatalogList, number>()

  constructor(client: MCPSSEClient) {
    this.client = client
  }

  getSnapshot = (): MCPCatalogSnapshot => this.#store.getSnapshot()

  subscribe = (listener: () => void): (() => void) => {
    const unsubscribe = this.#store.subscribe(listener)
    if (++this.#listeners === 1) this.#start()
    // A new reader needs the lists now: the ones whose ttlMs ran out are loaded again.
    else void this.refreshStale()
    let active = true
    return () => {
      if (!active) return
      active = false
      unsubscribe()
      if (--this.#listeners === 0) this.#stop()
    }
  }

  /**
   * Loads the given lists again (all announced ones by default). Resolves when they are loaded;
   * failures land in `error` rather than rejecting, since every reader sees them there.
   */
  async refresh(lists: readonly CatalogList[] = LISTS): Promise<void> {
    await Promise.all(lists.map((list) => this.#load(list)))
  }

  /**
   * Loads again the lists whose caching hint (`ttlMs`, protocol 2026-07-28) has run out. Lists
   * from servers that give no hint stay as they are: `list_changed` and reconnects renew them.
   */
  async refreshStale(): Promise<void> {
    const now = Date.now()
    const stale = [...this.#freshUntil]
      .filter(([list, until]) => now >= until && !this.#inFlight.has(list))
      .map(([list]) => list)
    if (stale.length > 0 && this.client.getSnapshot().connected)
      await this.refresh(stale)
  }

  #start(): void {
    const offClient = this.client.subscribe(() => this.#onClientChange())
    const offNotifications = Object.keys(CHANGED).map((method) =>
      this.client.onNotification(method, () => {
        if (this.client.getSnapshot().connected)
          void this.refresh(CHANGED[method])
      }),
    )
    this.#stopWatching = () => {
      offClient()
      for (const off of offNotifications) off()
    }
    this.#wasReady = false
    this.#onClientChange()
  }

  #stop(): void {
    this.#stopWatching?.()
    this.#stopWatching = null
    // Loads still in flight finish into nothing: a later `start` loads afresh.
    for (const list of LISTS) this.#generation[list]++
    this.#inFlight.clear()
    this.#store.update({ loading: false })
  }

  #onClientChange(): void {
    const { status } = this.client.getSnapshot()
    if (status === 'idle' || status === 'closed') {
      this.#wasReady = false
      this.#store.update({ ...EMPTY_CATALOG })
      return
    }
    // Every passage into `ready` is a new session (first connect or reconnect), and what the
    // server offers may have changed meanwhile; while reconnecting the old lists stay on show.
    const ready = status === 'ready'
    if (ready && !this.#wasReady) void this.refresh()
    this.#wasReady = ready
  }

  async #load(list: CatalogList): Promise<void> {
    const generation = ++this.#generation[list]
    const capabilities = this.client.getSnapshot().capabilities
    if (!capabilities?.[CAPABILITY[list]]) {
      this.#inFlight.delete(list)
      this.#store.update({ [list]: EMPTY, loading: this.#inFlight.size > 0 })
      return
    }
    this.#inFlight.add(list)
    this.#store.update({ loading: true })
    let patch: Partial<MCPCatalogSnapshot>
    try {
      const items = await this.#fetch(list)
      const ttl = cacheHintsOf(items)?.ttlMs
      if (ttl === undefined) this.#freshUntil.delete(list)
      else this.#freshUntil.set(list, Date.now() + ttl)
      patch = { [list]: Object.freeze(items), error: null }
    } catch (error) {
      patch = { error: toMCPError(error, list) }
    }
    if (generation !== this.#generation[list]) return
    this.#inFlight.delete(list)
    this.#store.update({ ...patch, loading: this.#inFlight.size > 0 })
  }

  #fetch(
    list: CatalogList,
  ): Promise<Tool[] | Resource[] | ResourceTemplate[] | Prompt[]> {
    switch (list) {
      case 'tools':
        return this.client.listAllTools()
      case 'resources':
        return this.client.listAllResources()
      case 'resourceTemplates':
        return this.client.listAllResourceTemplates()
      case 'prompts':
        return this.client.listAllPrompts()
    }
  }
}

function toMCPError(error: unknown, list: CatalogList): MCPError {
  if (error instanceof MCPError) return error
  return new MCPError(
    'protocol',
    `Loading ${list} failed: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  )
}
