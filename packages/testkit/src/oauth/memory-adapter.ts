import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider'

/**
 * oidc-provider's storage for one server's lifetime: a Map per model, entries dropped when they
 * expire. Written here (a few lines) so the server does not print its "development-only adapter"
 * warning into every test run.
 */
export function memoryAdapter(): AdapterFactory {
  const entries = new Map<
    string,
    { payload: AdapterPayload; expires: number }
  >()
  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key)
    if (!entry) return undefined
    if (entry.expires < Date.now()) {
      entries.delete(key)
      return undefined
    }
    return entry.payload
  }
  return (name: string): Adapter => {
    const key = (id: string) => `${name}:${id}`
    const find = (predicate: (p: AdapterPayload) => boolean) => {
      for (const [k, entry] of entries)
        if (k.startsWith(`${name}:`) && predicate(entry.payload)) return live(k)
      return undefined
    }
    return {
      upsert: async (id, payload, expiresIn) => {
        entries.set(key(id), {
          payload,
          expires: expiresIn
            ? Date.now() + expiresIn * 1000
            : Number.POSITIVE_INFINITY,
        })
      },
      find: async (id) => live(key(id)),
      findByUid: async (uid) => find((p) => p.uid === uid),
      findByUserCode: async (userCode) => find((p) => p.userCode === userCode),
      consume: async (id) => {
        const payload = live(key(id))
        if (payload) payload.consumed = Math.floor(Date.now() / 1000)
      },
      destroy: async (id) => void entries.delete(key(id)),
      revokeByGrantId: async (grantId) => {
        for (const [k, entry] of entries)
          if (entry.payload.grantId === grantId) entries.delete(k)
      },
    }
  }
}
