import { describe, expect, it } from 'vitest'
import { readEventStream } from '../stream/read-event-stream'

/** A body that hands out the given chunks one by one, and says whether it was cancelled. */
function chunkedBody(chunks: Uint8Array<ArrayBuffer>[], { end = true } = {}) {
  const state = { cancelled: false, pulls: 0 }
  const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      const chunk = chunks[state.pulls++]
      if (chunk) controller.enqueue(chunk)
      else if (end) controller.close()
    },
    cancel() {
      state.cancelled = true
    },
  })
  return { body, state }
}

const bytes = (text: string) => new TextEncoder().encode(text)

describe('readEventStream', () => {
  it('decodes events split anywhere, a multi-byte character included', async () => {
    const whole = bytes(
      'id: 7\ndata: {"text":"héllo ✓"}\n\nretry: 250\ndata: two\n\n',
    )
    // Cut inside "é" (2 bytes) and inside "✓" (3 bytes).
    const at = [whole.indexOf(0xc3) + 1, whole.indexOf(0xe2) + 2]
    const chunks = [
      whole.slice(0, at[0]),
      whole.slice(at[0], at[1]),
      whole.slice(at[1]),
    ]
    const events: { id?: string; data: string }[] = []
    const retries: number[] = []
    const reading = readEventStream(chunkedBody(chunks).body, {
      onEvent: ({ id, data }) => events.push({ id, data }),
      onRetry: (ms) => retries.push(ms),
    })
    await reading.done
    expect(events).toEqual([
      { id: '7', data: '{"text":"héllo ✓"}' },
      { id: undefined, data: 'two' },
    ])
    expect(retries).toEqual([250])
  })

  it('rejects when the body breaks off', async () => {
    const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        controller.enqueue(bytes('data: one\n\n'))
        controller.error(new TypeError('socket hang up'))
      },
    })
    const reading = readEventStream(body, { onEvent: () => {} })
    await expect(reading.done).rejects.toThrow('socket hang up')
  })

  it('cancel resolves, cancels the body and delivers nothing more', async () => {
    const { body, state } = chunkedBody([bytes('data: one\n\n')], {
      end: false,
    })
    const seen: string[] = []
    const reading = readEventStream(body, {
      onEvent: ({ data }) => seen.push(data),
    })
    await expect.poll(() => seen).toEqual(['one'])
    reading.cancel()
    reading.cancel()
    await reading.done
    await expect.poll(() => state.cancelled).toBe(true)
    expect(seen).toEqual(['one'])
  })
})
