import { MCPSSEClient } from './client'
import { MCPError } from './errors'
import type { MCPSSEClientOptions } from './options'

/** Which client a reader wants: one named in the registry, or one made from these options. */
export type ConnectionRef = MCPSSEClientOptions | { connection: string }

export interface ClientRegistryOptions {
  /**
   * Named connections, as `define` would add them.
   * @example { docs: { url: 'https://docs.example.com/mcp' }, tools: { url: 'http://localhost:3001' } }
   */
  connections?: Record<string, MCPSSEClientOptions>
  /**
   * Milliseconds between the last user releasing a client and the client being closed. A user who
   * comes back within it (React StrictMode's unmount and remount, a route change) keeps the same
   * stream.
   * @defaultValue 0 (the next macrotask)
   */
  releaseDelay?: number
  /**
   * Makes a client, for instrumentation or a subclass.
   * @defaultValue (options) => new MCPSSEClient(options)
   */
  createClient?: (options: MCPSSEClientOptions) => MCPSSEClient
}

/** One user's hold on a client. */
export interface ClientLease {
  readonly client: MCPSSEClient
  /** Ends this hold; the client closes once every hold has ended. Calling it twice is harmless. */
  release(): void
}

/** A client the registry holds, as its snapshot lists it. */
export interface RegistryEntry {
  /** Its name in the registry, or `null` for a client made from options. */
  readonly name: string | null
  /** Equal options give equal keys. */
  readonly key: string
  readonly client: MCPSSEClient
  /** Holds not yet released. */
  readonly users: number
}

/** How long a client that was made for a render but never acquired stays before it is dropped. */
const ORPHAN_DELAY = 5_000

interface Slot {
  name: string | null
  key: string
  client: MCPSSEClient
  users: number
  timer: ReturnType<typeof setTimeout> | null
}

/**
 * Named and anonymous clients shared by reference count: every reader of one connection gets the
 * same client (so one stream), the client connects when the first reader acquires it and closes a
 * short while after the last one releases it.
 *
 * @example
 * ```ts
 * const registry = new ClientRegistry({ connections: { docs: { url: 'http://localhost:3001' } } })
 * const lease = registry.acquire({ connection: 'docs' })
 * await lease.client.listAllTools()
 * lease.release()
 * ```
 */
export class ClientRegistry {
  readonly #definitions = new Map<string, MCPSSEClientOptions>()
  readonly #slots = new Map<string, Slot>()
  readonly #listeners = new Set<() => void>()
  #snapshot: readonly RegistryEntry[] = Object.freeze([])
  readonly #releaseDelay: number
  readonly #createClient: (options: MCPSSEClientOptions) => MCPSSEClient

  constructor(options: ClientRegistryOptions = {}) {
    this.#releaseDelay = options.releaseDelay ?? 0
    this.#createClient =
      options.createClient ??
      ((clientOptions) => new MCPSSEClient(clientOptions))
    for (const [name, definition] of Object.entries(options.connections ?? {}))
      this.#definitions.set(name, definition)
  }

  /** The clients held now. Replaced when one is added, removed, acquired or released. */
  getSnapshot = (): readonly RegistryEntry[] => this.#snapshot

  /** Called when the snapshot or a connection's definition changes. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
    }
  }

  /**
   * Adds or replaces a named connection. Readers of that name get a client with the new options
   * the next time they resolve it; the old client closes when its users release it.
   */
  define(name: string, options: MCPSSEClientOptions): void {
    const previous = this.#definitions.get(name)
    if (previous && optionsKey(previous) === optionsKey(options)) return
    this.#definitions.set(name, options)
    this.#emit(false)
  }

  /** Forgets a named connection. Its client, if any, closes when its users release it. */
  remove(name: string): void {
    if (this.#definitions.delete(name)) this.#emit(false)
  }

  /** The names of the defined connections. */
  names(): string[] {
    return [...this.#definitions.keys()]
  }

  has(name: string): boolean {
    return this.#definitions.has(name)
  }

  /**
   * A string equal for refs that lead to the same client: the name and options of a named
   * connection, or the options compared by value (functions such as `fetch` by identity).
   */
  keyOf(ref: ConnectionRef): string {
    if ('connection' in ref) {
      return `name:${ref.connection}\u0000${optionsKey(this.#definition(ref.connection))}`
    }
    return `options:${optionsKey(ref)}`
  }

  /**
   * The client for `ref`, made (not connected) if there is none yet. Safe during a render: it opens
   * nothing. Throws `invalid-options` for a name that is not defined.
   */
  resolve(ref: ConnectionRef): MCPSSEClient {
    return this.#slot(ref).client
  }

  /**
   * Counts a user of `ref`'s client and connects it when it is idle, closed or failed. Release the
   * lease when done; the client closes `releaseDelay` after the last release.
   */
  acquire(ref: ConnectionRef): ClientLease {
    const slot = this.#slot(ref)
    slot.users++
    this.#cancelRetire(slot)
    this.#emit()
    const { status } = slot.client.getSnapshot()
    if (status === 'idle' || status === 'closed' || status === 'error') {
      // A failed connect shows in the client's snapshot; the lease holder reads it there.
      slot.client.connect().catch(() => {})
    }
    let released = false
    return {
      client: slot.client,
      release: () => {
        if (released) return
        released = true
        slot.users--
        this.#emit()
        if (slot.users === 0) this.#scheduleRetire(slot, this.#releaseDelay)
      },
    }
  }

  /** The live client of a named connection, if one has been made. */
  get(name: string): MCPSSEClient | undefined {
    if (!this.#definitions.has(name)) return undefined
    return this.#slots.get(this.keyOf({ connection: name }))?.client
  }

  /** Closes every client now, whoever holds it, and forgets them. Definitions stay. */
  async closeAll(): Promise<void> {
    const slots = [...this.#slots.values()]
    this.#slots.clear()
    for (const slot of slots) this.#cancelRetire(slot)
    this.#emit()
    await Promise.all(slots.map((slot) => slot.client.disconnect()))
  }

  #definition(name: string): MCPSSEClientOptions {
    const options = this.#definitions.get(name)
    if (!options) {
      const known = this.names()
      throw new MCPError(
        'invalid-options',
        `No connection named "${name}". Define it in <MCPSSEProvider connections={{ ${name}: { url } }}> or with registry.define('${name}', { url }); defined: ${known.length ? known.join(', ') : 'none'}.`,
      )
    }
    return options
  }

  #slot(ref: ConnectionRef): Slot {
    const key = this.keyOf(ref)
    const existing = this.#slots.get(key)
    if (existing) return existing
    const name = 'connection' in ref ? ref.connection : null
    const options =
      name === null ? (ref as MCPSSEClientOptions) : this.#definition(name)
    const slot: Slot = {
      name,
      key,
      client: this.#createClient(options),
      users: 0,
      timer: null,
    }
    this.#slots.set(key, slot)
    // Made for a render that may never commit (StrictMode's discarded render, SSR): drop it if no
    // one acquires it. It holds no connection, so there is no hurry. No `emit` here: this runs
    // during renders, where notifying other components' subscriptions is not allowed.
    this.#scheduleRetire(slot, ORPHAN_DELAY)
    return slot
  }

  #scheduleRetire(slot: Slot, delay: number): void {
    this.#cancelRetire(slot)
    slot.timer = setTimeout(() => {
      slot.timer = null
      if (slot.users > 0 || this.#slots.get(slot.key) !== slot) return
      this.#slots.delete(slot.key)
      this.#emit()
      if (slot.client.getSnapshot().status !== 'idle') {
        slot.client.disconnect().catch(() => {})
      }
    }, delay)
    // A pending retire must not keep a server-side renderer's process alive.
    if (typeof slot.timer === 'object' && 'unref' in slot.timer)
      slot.timer.unref()
  }

  #cancelRetire(slot: Slot): void {
    if (slot.timer !== null) clearTimeout(slot.timer)
    slot.timer = null
  }

  /**
   * Tells subscribers something changed. The snapshot is replaced only when the held clients did,
   * so that a definition added while a provider renders re-renders no session list.
   */
  #emit(clientsChanged = true): void {
    if (clientsChanged)
      this.#snapshot = Object.freeze(
        [...this.#slots.values()].map(({ name, key, client, users }) =>
          Object.freeze({ name, key, client, users }),
        ),
      )
    for (const listener of [...this.#listeners]) listener()
  }
}

const identities = new WeakMap<object, number>()
let nextIdentity = 1

/**
 * A stable string for client options: object keys sorted, `undefined` dropped, functions and class
 * instances (a custom `fetch`, an `EventSource` constructor) by identity, since they cannot be
 * compared by value.
 */
export function optionsKey(options: MCPSSEClientOptions): string {
  return stableStringify(options)
}

function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'function' || (isObject(value) && !isPlain(value))) {
    let id = identities.get(value)
    if (id === undefined) {
      id = nextIdentity++
      identities.set(value, id)
    }
    return `#${String(id)}`
  }
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (isObject(value)) {
    const fields = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableStringify(value[key])}`)
    return `{${fields.join(',')}}`
  }
  return JSON.stringify(value) ?? String(value)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null || Array.isArray(value)
}
