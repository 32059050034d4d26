import type { CompleteResult } from '@mcp-sse/core'
import { useEffect, useRef, useState } from 'react'

export interface CompletionState {
  values: string[]
  total: number | undefined
  hasMore: boolean
  loading: boolean
  error: string | null
}

const IDLE: CompletionState = {
  values: [],
  total: undefined,
  hasMore: false,
  loading: false,
  error: null,
}

/** Typing pauses this long before the server is asked: one request per pause, not per key. */
export const COMPLETION_DEBOUNCE_MS = 150

/**
 * Asks `completion/complete` for `value` once typing pauses, while `active`. Answers that arrive
 * after a newer question was asked are dropped, so a slow early answer never replaces the list
 * for what the user has typed since.
 */
export function useCompletion(
  complete: ((value: string) => Promise<CompleteResult>) | null,
  value: string,
  /** Changes when the other arguments (the request's context) change. */
  contextKey: string,
  active: boolean,
): CompletionState {
  const [state, setState] = useState<CompletionState>(IDLE)
  const asked = useRef(0)
  const latest = useRef(complete)
  latest.current = complete
  useEffect(() => {
    if (!active || latest.current === null) return
    const ask = latest.current
    const timer = setTimeout(() => {
      const n = ++asked.current
      setState((s) => ({ ...s, loading: true, error: null }))
      ask(value).then(
        (result) => {
          if (n !== asked.current) return
          const values = Array.isArray(result.completion?.values)
            ? result.completion.values.filter((v) => typeof v === 'string')
            : []
          setState({
            values,
            total: result.completion?.total,
            hasMore: result.completion?.hasMore === true,
            loading: false,
            error: null,
          })
        },
        (error: unknown) => {
          if (n !== asked.current) return
          setState({
            ...IDLE,
            error: error instanceof Error ? error.message : String(error),
          })
        },
      )
    }, COMPLETION_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [value, contextKey, active])
  return state
}
