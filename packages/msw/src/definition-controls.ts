import type { MCPServer } from './mcp-server.js'
import { publish } from './modern/subscriptions.js'
import { notification, sendTo, type ServerState } from './state.js'

type DefinitionControls = Pick<
  MCPServer,
  | 'setTools'
  | 'addTool'
  | 'removeTool'
  | 'setResources'
  | 'addResource'
  | 'removeResource'
  | 'setResourceTemplates'
  | 'setPrompts'
  | 'addPrompt'
  | 'removePrompt'
  | 'updateResource'
>

/** The controls that change what the server lists, each announcing the change as a server would. */
export function definitionControls(state: ServerState): DefinitionControls {
  const changed = (kind: 'tools' | 'resources' | 'prompts') => {
    const method = `notifications/${kind}/list_changed`
    sendTo(state, notification(method))
    publish(state, method)
  }
  return {
    setTools(tools) {
      state.tools = [...tools]
      changed('tools')
    },
    addTool(tool) {
      state.tools = [...state.tools.filter((t) => t.name !== tool.name), tool]
      changed('tools')
    },
    removeTool(name) {
      state.tools = state.tools.filter((t) => t.name !== name)
      changed('tools')
    },
    setResources(resources) {
      state.resources = [...resources]
      changed('resources')
    },
    addResource(resource) {
      state.resources = [
        ...state.resources.filter((r) => r.uri !== resource.uri),
        resource,
      ]
      changed('resources')
    },
    removeResource(uri) {
      state.resources = state.resources.filter((r) => r.uri !== uri)
      changed('resources')
    },
    setResourceTemplates(templates) {
      state.resourceTemplates = [...templates]
      changed('resources')
    },
    setPrompts(prompts) {
      state.prompts = [...prompts]
      changed('prompts')
    },
    addPrompt(prompt) {
      state.prompts = [
        ...state.prompts.filter((p) => p.name !== prompt.name),
        prompt,
      ]
      changed('prompts')
    },
    removePrompt(name) {
      state.prompts = state.prompts.filter((p) => p.name !== name)
      changed('prompts')
    },
    updateResource(uri) {
      const updated = notification('notifications/resources/updated', { uri })
      for (const session of state.sessions.values()) {
        if (session.subscriptions.has(uri)) session.outlet.send(updated)
      }
      publish(state, updated.method, { uri })
    },
  }
}
