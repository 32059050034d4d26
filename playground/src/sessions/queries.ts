import type { MCPSSEClient } from '@mcp-sse/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import type { Session } from './store'
import { useSnapshot } from './useSnapshot'

type ListKind = 'tools' | 'resources' | 'templates' | 'prompts'

export const listKey = (session: string, kind: ListKind) =>
  ['inspector', session, kind] as const

const fetchers: Record<ListKind, (client: MCPSSEClient) => Promise<unknown[]>> =
  {
    tools: (c) => c.listAllTools(),
    resources: (c) => c.listAllResources(),
    templates: (c) => c.listAllResourceTemplates(),
    prompts: (c) => c.listAllPrompts(),
  }

function useList<T>(session: Session, kind: ListKind) {
  const { connected } = useSnapshot(session.client)
  return useQuery({
    queryKey: listKey(session.id, kind),
    queryFn: async () => (await fetchers[kind](session.client)) as T[],
    enabled: connected,
  })
}

export const useTools = (s: Session) =>
  useList<import('@mcp-sse/core').Tool>(s, 'tools')
export const useResources = (s: Session) =>
  useList<import('@mcp-sse/core').Resource>(s, 'resources')
export const useTemplates = (s: Session) =>
  useList<import('@mcp-sse/core').ResourceTemplate>(s, 'templates')
export const usePrompts = (s: Session) =>
  useList<import('@mcp-sse/core').Prompt>(s, 'prompts')

const CHANGED: Record<string, ListKind[]> = {
  'notifications/tools/list_changed': ['tools'],
  'notifications/resources/list_changed': ['resources', 'templates'],
  'notifications/prompts/list_changed': ['prompts'],
}

/** Refetches a list when the server says it changed, and every list after a reconnect. */
export function useListRefresh(session: Session): void {
  const queryClient = useQueryClient()
  const { sessionId } = useSnapshot(session.client)
  useEffect(
    () =>
      session.client.onNotification('*', (_params, message) => {
        const kinds = 'method' in message ? CHANGED[message.method] : undefined
        for (const kind of kinds ?? []) {
          void queryClient.invalidateQueries({
            queryKey: listKey(session.id, kind),
          })
        }
      }),
    [session, queryClient],
  )
  const previous = useRef(sessionId)
  useEffect(() => {
    // A new server session (after a reconnect) may serve different lists.
    if (
      sessionId !== null &&
      previous.current !== null &&
      sessionId !== previous.current
    ) {
      void queryClient.invalidateQueries(
        { queryKey: ['inspector', session.id] },
        { cancelRefetch: false },
      )
    }
    previous.current = sessionId ?? previous.current
  }, [sessionId, session.id, queryClient])
}
