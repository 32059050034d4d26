// The floor's reading of a Streamable HTTP POST answer: JSON as it is, or an SSE stream parsed as
// it arrives until the answer to `id` is in it. Nothing else (progress, server requests) is read.
import { createParser } from 'eventsource-parser'

interface RpcAnswer {
  id?: number | string
  result?: unknown
  error?: { message: string }
}

function settle(answer: RpcAnswer): unknown {
  if (answer.error) throw new Error(answer.error.message)
  return answer.result
}

export async function readFloorAnswer(
  response: Response,
  id: number,
): Promise<unknown> {
  if (!response.ok) {
    await response.arrayBuffer()
    throw new Error(`POST: HTTP ${response.status}`)
  }
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('text/event-stream'))
    return settle((await response.json()) as RpcAnswer)
  if (!response.body) throw new Error('POST: no body')
  let found: RpcAnswer | undefined
  const parser = createParser({
    onEvent: (event) => {
      const message = JSON.parse(event.data) as RpcAnswer
      if (message.id === id) found = message
    },
  })
  const decoder = new TextDecoder()
  const reader = response.body.getReader()
  while (!found) {
    const { done, value } = await reader.read()
    if (done) break
    parser.feed(decoder.decode(value, { stream: true }))
  }
  if (!found) throw new Error('answer stream ended without the answer')
  void reader.cancel().catch(() => {})
  return settle(found)
}
