import type { ReadResourceResult } from '@mcp-sse/core'
import { create } from 'zustand'

export interface ReadState {
  uri: string
  result?: ReadResourceResult
  error?: unknown
}

export interface ResourcesState {
  /** Subscribed URIs by session: kept outside the panel, so a tab switch does not forget them. */
  subscribed: Record<string, string[]>
  /** The last read by session, shown again when the user comes back. */
  read: Record<string, ReadState>
  /** Template parameters by session and template. */
  params: Record<string, Record<string, string>>
}

/** The resources panel's state of one inspector instance. */
export function createResourceStore() {
  const useResourcesState = create<ResourcesState>(() => ({
    subscribed: {},
    read: {},
    params: {},
  }))

  const resourceActions = {
    setSubscribed(session: string, uri: string, on: boolean): void {
      useResourcesState.setState((s) => {
        const list = (s.subscribed[session] ?? []).filter((u) => u !== uri)
        return {
          subscribed: {
            ...s.subscribed,
            [session]: on ? [...list, uri] : list,
          },
        }
      })
    },
    setRead(session: string, read: ReadState): void {
      useResourcesState.setState((s) => ({
        read: { ...s.read, [session]: read },
      }))
    },
    setParam(key: string, name: string, value: string): void {
      useResourcesState.setState((s) => ({
        params: { ...s.params, [key]: { ...s.params[key], [name]: value } },
      }))
    },
    reset(): void {
      useResourcesState.setState({ subscribed: {}, read: {}, params: {} })
    },
  }
  return { useResourcesState, resourceActions }
}
