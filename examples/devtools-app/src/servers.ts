/**
 * The two servers the app talks to. The page's address can name them (`?http=…&sse=…`), so a test
 * or a developer can point one build at servers on any port; otherwise the ports `pnpm dev` of
 * this example starts them on.
 */
export function serverUrls(search: string = location.search): {
  http: string
  sse: string
} {
  const params = new URLSearchParams(search)
  return {
    http: params.get('http') ?? 'http://127.0.0.1:3001/mcp',
    sse: params.get('sse') ?? 'http://127.0.0.1:3002/sse',
  }
}
