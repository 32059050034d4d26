/**
 * The shapes of the server-to-client requests the cards answer (MCP 2025-11-25). The core does not
 * type these methods' params yet; these are read defensively, since a server may send anything.
 */
import type { Tool } from '@mcp-sse/core'

export type SamplingRole = 'user' | 'assistant'

/** One block of a sampling message: text, image, audio, or (with tools) tool_use / tool_result. */
export type SamplingBlock = { type: string; [key: string]: unknown }

export interface SamplingMessage {
  role: SamplingRole
  content: SamplingBlock | SamplingBlock[]
}

export interface ModelPreferences {
  hints?: { name?: string }[]
  costPriority?: number
  speedPriority?: number
  intelligencePriority?: number
}

export interface SamplingParams {
  messages: SamplingMessage[]
  systemPrompt?: string
  modelPreferences?: ModelPreferences
  includeContext?: string
  temperature?: number
  maxTokens?: number
  stopSequences?: string[]
  metadata?: Record<string, unknown>
  tools?: Tool[]
  toolChoice?: { mode?: 'auto' | 'required' | 'none' }
}

export type StopReason = 'endTurn' | 'stopSequence' | 'maxTokens' | 'toolUse'

export interface SamplingReply {
  role: SamplingRole
  text: string
  model: string
  stopReason: StopReason
}

export type ElicitAction = 'accept' | 'decline' | 'cancel'

export interface ElicitFormParams {
  mode?: 'form'
  message: string
  requestedSchema: Record<string, unknown>
}

export interface ElicitUrlParams {
  mode: 'url'
  message: string
  url: string
  elicitationId: string
}

export type ElicitParams = ElicitFormParams | ElicitUrlParams

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The params of `sampling/createMessage`, with anything malformed left out. */
export function readSampling(
  params: Record<string, unknown> | undefined,
): SamplingParams {
  const raw = params ?? {}
  const messages = Array.isArray(raw.messages)
    ? raw.messages.filter(
        (m): m is SamplingMessage =>
          isRecord(m) &&
          (m.role === 'user' || m.role === 'assistant') &&
          (isRecord(m.content) || Array.isArray(m.content)),
      )
    : []
  return {
    ...(raw as Omit<SamplingParams, 'messages'>),
    messages,
    tools: Array.isArray(raw.tools)
      ? raw.tools.filter(
          (t): t is Tool => isRecord(t) && typeof t.name === 'string',
        )
      : undefined,
  }
}

/** The params of `elicitation/create`: URL mode when it says so, form mode otherwise. */
export function readElicit(
  params: Record<string, unknown> | undefined,
): ElicitParams {
  const raw = params ?? {}
  const message = typeof raw.message === 'string' ? raw.message : ''
  if (raw.mode === 'url') {
    return {
      mode: 'url',
      message,
      url: typeof raw.url === 'string' ? raw.url : '',
      elicitationId:
        typeof raw.elicitationId === 'string' ? raw.elicitationId : '',
    }
  }
  return {
    mode: 'form',
    message,
    requestedSchema: isRecord(raw.requestedSchema) ? raw.requestedSchema : {},
  }
}

/** `_meta["io.modelcontextprotocol/related-task"].taskId`, when the request belongs to a task. */
export function relatedTaskOf(
  params: Record<string, unknown> | undefined,
): string | null {
  const meta = params?._meta
  if (!isRecord(meta)) return null
  const related = meta['io.modelcontextprotocol/related-task']
  return isRecord(related) && typeof related.taskId === 'string'
    ? related.taskId
    : null
}
