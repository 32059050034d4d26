import { MCPError } from '../errors'

/**
 * Where the provider keeps tokens and client registrations: the Web Storage shape, sync or async
 * (an IndexedDB or native keychain wrapper fits). Values are JSON strings.
 */
export interface OAuthStorage {
  getItem(key: string): string | null | Promise<string | null>
  setItem(key: string, value: string): void | Promise<void>
  removeItem(key: string): void | Promise<void>
}

const PREFIX = 'mcp-sse:oauth:'

/** A registered client, kept per authorization server (issuer). */
export interface ClientRecord {
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret?: string
  readonly authMethod: string
  readonly redirectUri: string
  /** How it was obtained: only registered ones are stored. */
  readonly source: 'pre-registered' | 'metadata-document' | 'registered'
}

/** The tokens for one server, with what is needed to refresh them. */
export interface TokenRecord {
  readonly issuer: string
  readonly authorizationServer: string
  readonly resource: string
  readonly tokenEndpoint: string
  /** Where `signOut()` revokes them (RFC 7009), when the server has a revocation endpoint. */
  readonly revocationEndpoint?: string
  /** The client the tokens were issued to: refreshes authenticate as it. */
  readonly client: ClientRecord
  readonly accessToken: string
  readonly refreshToken?: string
  /** ms since the epoch, when the server said. */
  readonly expiresAt: number | null
  /** When the access token was issued (ms since the epoch). */
  readonly issuedAt: number
  readonly scopes: readonly string[]
  /** The scopes asked for, so a step-up asks for them again with the new ones. */
  readonly requested: string
}

/** Typed records over a key-value store. */
export class CredentialStore {
  readonly #backend: OAuthStorage

  constructor(backend: OAuthStorage) {
    this.#backend = backend
  }

  async client(authorizationServer: string): Promise<ClientRecord | null> {
    return this.#read<ClientRecord>(`client:${authorizationServer}`)
  }
  async saveClient(
    authorizationServer: string,
    record: ClientRecord,
  ): Promise<void> {
    await this.#backend.setItem(
      `${PREFIX}client:${authorizationServer}`,
      JSON.stringify(record),
    )
  }
  async forgetClient(authorizationServer: string): Promise<void> {
    await this.#backend.removeItem(`${PREFIX}client:${authorizationServer}`)
  }
  async tokens(server: string): Promise<TokenRecord | null> {
    return this.#read<TokenRecord>(`tokens:${server}`)
  }
  async saveTokens(server: string, record: TokenRecord): Promise<void> {
    await this.#backend.setItem(
      `${PREFIX}tokens:${server}`,
      JSON.stringify(record),
    )
  }
  async forgetTokens(server: string): Promise<void> {
    await this.#backend.removeItem(`${PREFIX}tokens:${server}`)
  }

  async #read<T>(key: string): Promise<T | null> {
    const text = await this.#backend.getItem(`${PREFIX}${key}`)
    if (text === null) return null
    try {
      return JSON.parse(text) as T
    } catch {
      return null
    }
  }
}

/** A Map behind the storage shape: the default, gone with the provider. */
export function memoryStorage(): OAuthStorage {
  const map = new Map<string, string>()
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  }
}

/** The storage the `storage` option names; misuse throws at once. */
export function resolveStorage(
  option: 'memory' | 'session' | 'local' | OAuthStorage | undefined,
): OAuthStorage {
  if (option === undefined || option === 'memory') return memoryStorage()
  if (option === 'session' || option === 'local') {
    const web = webStorage(option)
    if (!web)
      throw new MCPError(
        'invalid-options',
        `oauth({ storage: '${option}' }) needs ${option}Storage, which this environment does not have. Use 'memory' or pass an object with getItem, setItem and removeItem.`,
      )
    return web
  }
  if (
    typeof option !== 'object' ||
    typeof option.getItem !== 'function' ||
    typeof option.setItem !== 'function' ||
    typeof option.removeItem !== 'function'
  )
    throw new MCPError(
      'invalid-options',
      "oauth({ storage }) must be 'memory', 'session', 'local' or an object with getItem, setItem and removeItem.",
    )
  return option
}

/** The browser's sessionStorage or localStorage, or null where there is none (or it throws). */
export function webStorage(kind: 'session' | 'local'): Storage | null {
  try {
    const storage = (
      globalThis as { sessionStorage?: Storage; localStorage?: Storage }
    )[kind === 'session' ? 'sessionStorage' : 'localStorage']
    return storage ?? null
  } catch {
    return null
  }
}
