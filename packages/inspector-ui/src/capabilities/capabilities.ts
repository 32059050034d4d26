import type { ClientCapabilities } from '@mcp-sse/core'

/** The client capabilities the inspector can declare; each one is answered by a card or panel. */
export interface CapabilityChoice {
  sampling: boolean
  elicitationForm: boolean
  elicitationUrl: boolean
  roots: boolean
  /** 2025-11-25 tasks: the server may ask for sampling and elicitation as tasks the client runs. */
  tasks: boolean
}

/** All on: a server author sees every tool that depends on what the client declares. */
export const ALL_CAPABILITIES: CapabilityChoice = {
  sampling: true,
  elicitationForm: true,
  elicitationUrl: true,
  roots: true,
  tasks: true,
}

/** What an attached client is shown with: the inspector answers none of its server's requests. */
export const NO_CAPABILITIES: CapabilityChoice = {
  sampling: false,
  elicitationForm: false,
  elicitationUrl: false,
  roots: false,
  tasks: false,
}

export const CAPABILITY_LABELS: Record<keyof CapabilityChoice, string> = {
  sampling: 'sampling',
  elicitationForm: 'elicitation (form)',
  elicitationUrl: 'elicitation (URL)',
  roots: 'roots',
  tasks: 'tasks',
}

export const CAPABILITY_KEYS = Object.keys(
  CAPABILITY_LABELS,
) as (keyof CapabilityChoice)[]

/** What `initialize` announces for `choice`. */
export function clientCapabilities(
  choice: CapabilityChoice,
): ClientCapabilities {
  const capabilities: ClientCapabilities = {}
  if (choice.sampling) capabilities.sampling = { tools: {} }
  if (choice.elicitationForm || choice.elicitationUrl) {
    capabilities.elicitation = {
      ...(choice.elicitationForm && { form: {} }),
      ...(choice.elicitationUrl && { url: {} }),
    }
  }
  if (choice.roots) capabilities.roots = { listChanged: true }
  const taskable = {
    ...(choice.sampling && { sampling: { createMessage: {} } }),
    ...((choice.elicitationForm || choice.elicitationUrl) && {
      elicitation: { create: {} },
    }),
  }
  if (choice.tasks && Object.keys(taskable).length > 0) {
    capabilities.tasks = { list: {}, cancel: {}, requests: taskable }
  }
  return capabilities
}

/** `sampling, roots` — for the session card; `none` when nothing is declared. */
export function describeCapabilities(choice: CapabilityChoice): string {
  const on = CAPABILITY_KEYS.filter((key) => choice[key]).map(
    (key) => CAPABILITY_LABELS[key],
  )
  return on.length === 0 ? 'none' : on.join(', ')
}
