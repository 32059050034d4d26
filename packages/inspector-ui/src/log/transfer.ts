import type { WireEvent } from '@mcp-sse/core'
import { isSecretHeader } from './curl'
import type { LogEntry } from './entry'

/** The file the log exports to and imports from. */
export interface LogFile {
  format: 'mcp-sse-log'
  version: 1
  exportedAt: string
  events: { session: string; event: WireEvent }[]
}

/**
 * The log as a file. POST events carry the request headers; their credentials are replaced by a
 * placeholder so that a log attached to a bug report does not hand out a token.
 */
export function toLogFile(entries: readonly LogEntry[]): LogFile {
  return {
    format: 'mcp-sse-log',
    version: 1,
    exportedAt: new Date().toISOString(),
    events: entries.map((e) => ({
      session: e.session,
      event: redact(e.event),
    })),
  }
}

/** The event with a POST's credential headers replaced by `<redacted>`. */
export function redact(event: WireEvent): WireEvent {
  if (event.type !== 'post') return event
  const names = Object.keys(event.headers)
  if (!names.some(isSecretHeader)) return event
  const headers: Record<string, string> = {}
  for (const name of names) {
    headers[name] = isSecretHeader(name)
      ? '<redacted>'
      : (event.headers[name] ?? '')
  }
  return { ...event, headers }
}

export interface ParsedLog {
  events: { session: string; event: WireEvent }[]
  /** Items that were not wire events and were left out. */
  skipped: number
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isWireEvent(value: unknown): value is WireEvent {
  return (
    isRecord(value) &&
    typeof value.type === 'string' &&
    typeof value.time === 'number'
  )
}

/**
 * Reads an exported log. Also accepts a bare array of wire events, or of `{ session, event }`, so a
 * log written by another tool (or a benchmark) loads too. Throws with a readable message when the
 * text is not such a file.
 */
export function parseLogFile(
  text: string,
  fallbackSession = 'imported',
): ParsedLog {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new Error(
      `This file is not JSON (${error instanceof Error ? error.message : String(error)}).`,
    )
  }
  const list = Array.isArray(data)
    ? data
    : isRecord(data) && Array.isArray(data.events)
      ? data.events
      : undefined
  if (list === undefined) {
    throw new Error(
      'This file holds no events: expected an exported mcp-sse log (an object with an "events" array) or an array of wire events.',
    )
  }
  const events: ParsedLog['events'] = []
  let skipped = 0
  for (const item of list as unknown[]) {
    if (isRecord(item) && isWireEvent(item.event)) {
      const session =
        typeof item.session === 'string' ? item.session : fallbackSession
      events.push({ session, event: item.event })
    } else if (isWireEvent(item)) {
      const session =
        isRecord(item) && typeof item.session === 'string'
          ? item.session
          : fallbackSession
      events.push({ session, event: item })
    } else {
      skipped++
    }
  }
  return { events, skipped }
}
