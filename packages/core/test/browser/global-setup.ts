import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startServerEverything } from '@mcp-sse/testkit'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    everythingUrl: string
    everythingHttpUrl: string
    noCorsUrl: string
    noCorsOnPostUrl: string
  }
}

/**
 * Servers the browser tests reach across origins: the real server-everything (which sends CORS
 * headers), and two that a browser must refuse, one entirely and one only for its POSTs.
 */
function listen(corsOnStream: boolean): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.startsWith('/sse')) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        ...(corsOnStream ? { 'Access-Control-Allow-Origin': '*' } : {}),
      })
      response.write('event: endpoint\ndata: /message?sessionId=s1\n\n')
      return
    }
    // No Access-Control-Allow-Origin and no preflight answer: the browser hides the answer.
    response.writeHead(request.method === 'OPTIONS' ? 204 : 202)
    response.end()
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server)),
  )
}

export default async function setup(project: TestProject) {
  const everything = await startServerEverything({ mode: 'sse' })
  const everythingHttp = await startServerEverything({
    mode: 'streamableHttp',
  })
  const noCors = await listen(false)
  const noCorsOnPost = await listen(true)
  const url = (server: Server) =>
    `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  project.provide('everythingUrl', everything.url)
  project.provide('everythingHttpUrl', everythingHttp.url)
  project.provide('noCorsUrl', url(noCors))
  project.provide('noCorsOnPostUrl', url(noCorsOnPost))
  return async () => {
    noCors.closeAllConnections()
    noCorsOnPost.closeAllConnections()
    noCors.close()
    noCorsOnPost.close()
    await everything.stop()
    await everythingHttp.stop()
  }
}
