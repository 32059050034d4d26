import type { ResourceContents } from '@mcp-sse/core'
import type { MockResource, MockResourceTemplate } from './definitions.js'
import { ErrorCode, JSONRPCError } from './rpc-error.js'

/** Matches `uri` against a level-1 URI template (`users://{id}`), returning its variables. */
export function matchTemplate(
  template: string,
  uri: string,
): Record<string, string> | undefined {
  const names: string[] = []
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const variable = /^\{([^}]+)\}$/.exec(part)
      if (variable?.[1] === undefined)
        return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      names.push(variable[1])
      return '([^/]+)'
    })
    .join('')
  const match = new RegExp(`^${pattern}$`).exec(uri)
  if (match === null) return undefined
  const variables: Record<string, string> = {}
  names.forEach((name, index) => {
    variables[name] = decodeURIComponent(match[index + 1] ?? '')
  })
  return variables
}

function normalize(
  uri: string,
  mimeType: string | undefined,
  read: ResourceContents[] | string,
): ResourceContents[] {
  if (typeof read !== 'string') return read
  return [
    mimeType === undefined
      ? { uri, text: read }
      : { uri, mimeType, text: read },
  ]
}

export async function readResource(
  resources: readonly MockResource[],
  templates: readonly MockResourceTemplate[],
  uri: string,
): Promise<ResourceContents[]> {
  const resource = resources.find((r) => r.uri === uri)
  if (resource !== undefined) {
    const { mimeType } = resource
    if (resource.read !== undefined) {
      return normalize(uri, mimeType, await resource.read(uri))
    }
    const base = mimeType === undefined ? { uri } : { uri, mimeType }
    if (resource.blob !== undefined) return [{ ...base, blob: resource.blob }]
    return [{ ...base, text: resource.text ?? '' }]
  }
  for (const template of templates) {
    const variables = matchTemplate(template.uriTemplate, uri)
    if (variables === undefined || template.read === undefined) continue
    return normalize(
      uri,
      template.mimeType,
      await template.read(uri, variables),
    )
  }
  throw new JSONRPCError(
    ErrorCode.ResourceNotFound,
    `Resource not found: ${uri}`,
    {
      uri,
    },
  )
}
