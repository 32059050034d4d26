import type { CallToolResult, Progress } from '@mcp-sse/core'
import { create, type StoreApi } from 'zustand'

export interface ToolRun {
  /** `task`: the server took the call as a task; the Tasks panel follows it. */
  status: 'running' | 'done' | 'error' | 'task'
  taskKey?: string
  startedAt: number
  durationMs?: number
  progress?: Progress
  result?: CallToolResult
  error?: unknown
  controller?: AbortController
}

export interface ToolState {
  /** Inputs by server URL and tool, so they survive a reconnect and a new session to the same server. */
  inputs: Record<string, unknown>
  rawMode: Record<string, boolean>
  /** Run tools whose task support is optional as tasks, by server URL and tool. */
  asTask: Record<string, boolean>
  /** The last call by inspector session and tool. */
  runs: Record<string, ToolRun>
  /** The open tool by inspector session, so switching tabs or sessions comes back to it. */
  selected: Record<string, string>
  /** Tools the core left out of `tools/list` as invalid, with why, by inspector session. */
  rejected: Record<string, Record<string, string>>
}

/** The tool panel's state for one inspector instance. */
export function createToolStore() {
  const useToolState = create<ToolState>(() => ({
    inputs: {},
    rawMode: {},
    asTask: {},
    runs: {},
    selected: {},
    rejected: {},
  }))

  return { useToolState, toolActions: toolActionsOf(useToolState) }
}

export const inputKey = (url: string, tool: string) => `${url}\u0000${tool}`
export const runKey = (session: string, tool: string) =>
  `${session}\u0000${tool}`

function toolActionsOf(useToolState: StoreApi<ToolState>) {
  return {
    /** From the core's `tool-rejected` wire event: the tool cannot be called, and why. */
    reject(session: string, tool: string, reason: string): void {
      useToolState.setState((s) => ({
        rejected: {
          ...s.rejected,
          [session]: { ...s.rejected[session], [tool]: reason },
        },
      }))
    },
    forgetSession(session: string): void {
      useToolState.setState((s) => {
        const rejected = { ...s.rejected }
        delete rejected[session]
        return { rejected }
      })
    },
    select(session: string, tool: string): void {
      useToolState.setState((s) => ({
        selected: { ...s.selected, [session]: tool },
      }))
    },
    setInput(key: string, value: unknown): void {
      useToolState.setState((s) => ({ inputs: { ...s.inputs, [key]: value } }))
    },
    setRaw(key: string, raw: boolean): void {
      useToolState.setState((s) => ({ rawMode: { ...s.rawMode, [key]: raw } }))
    },
    setAsTask(key: string, on: boolean): void {
      useToolState.setState((s) => ({ asTask: { ...s.asTask, [key]: on } }))
    },
    setRun(key: string, run: ToolRun): void {
      useToolState.setState((s) => ({ runs: { ...s.runs, [key]: run } }))
    },
    patchRun(key: string, patch: Partial<ToolRun>): void {
      useToolState.setState((s) => {
        const run = s.runs[key]
        return run === undefined
          ? s
          : { runs: { ...s.runs, [key]: { ...run, ...patch } } }
      })
    },
  }
}
