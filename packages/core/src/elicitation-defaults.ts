/**
 * SEP-1034: a client that declares `elicitation: { form: { applyDefaults: true } }` completes an
 * accepted form answer with the defaults of the requested schema, for fields the user left out.
 */
export function wantsElicitationDefaults(capabilities: {
  elicitation?: unknown
}): boolean {
  const form = (capabilities.elicitation as { form?: unknown } | undefined)
    ?.form as { applyDefaults?: unknown } | undefined
  return form?.applyDefaults === true
}

export function withElicitationDefaults(
  params: Record<string, unknown> | undefined,
  result: unknown,
): unknown {
  if (typeof result !== 'object' || result === null) return result
  const answer = result as { action?: unknown; content?: unknown }
  if (answer.action !== 'accept') return result
  const schema = params?.requestedSchema as
    { properties?: Record<string, { default?: unknown }> } | undefined
  const properties = schema?.properties
  if (typeof properties !== 'object' || properties === null) return result
  const content = {
    ...(typeof answer.content === 'object' && answer.content !== null
      ? (answer.content as Record<string, unknown>)
      : {}),
  }
  for (const [name, property] of Object.entries(properties)) {
    if (content[name] === undefined && property?.default !== undefined)
      content[name] = property.default
  }
  return { ...answer, content }
}
