import {
  followAuthorization,
  startAuthorizationServer,
  startProtectedMcpServer,
} from '@mcp-sse/testkit/oauth'
import { afterEach, expect, it } from 'vitest'
import { MCPSSEClient } from '../../src/index'
import { oauth } from '../../src/oauth/index'

const REDIRECT_URI = 'http://127.0.0.1:5999/oauth/callback'
const running: { stop(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()))
})

it('MCPSSEClient connects to a protected server through oauth(), lists and calls tools', async () => {
  const as = await startAuthorizationServer({ scopes: ['mcp:read'] })
  running.push(as)
  const mcp = await startProtectedMcpServer({ authorizationServer: as })
  running.push(mcp)
  const auth = oauth({
    redirectUri: REDIRECT_URI,
    authorize: (url, { signal }) =>
      followAuthorization(url, REDIRECT_URI, signal),
  })
  const client = new MCPSSEClient({ url: mcp.url, auth, reconnect: false })
  try {
    const init = await client.connect()
    expect(init.serverInfo.name).toBe('protected-test-server')
    expect(client.getSnapshot().auth?.status).toBe('authorized')
    const tools = await client.listAllTools()
    expect(tools.map((t) => t.name)).toEqual(['whoami', 'write'])
    const result = await client.callTool('whoami', {})
    expect(result.content[0]).toMatchObject({ type: 'text' })
  } finally {
    await client.disconnect()
  }
})
