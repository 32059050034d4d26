import { describe, expect, it } from 'vitest'
import { SignInGate } from '../sign-in-gate'

describe('the popup a signIn() click hands to the sign-in', () => {
  it('a click whose popup was blocked before the sign-in needed it means no popup, not another wait', async () => {
    const gate = new SignInGate()
    gate.offer(null, false)
    expect(gate.take()).toBeNull()
    await expect(gate.next(new AbortController().signal)).resolves.toBeNull()
  })

  it('without a click first, the sign-in waits for one', async () => {
    const gate = new SignInGate()
    let given: Window | null | 'none' = 'none'
    void gate.next(new AbortController().signal).then((p) => (given = p))
    await Promise.resolve()
    expect(given).toBe('none')
    gate.offer(null, true)
    await Promise.resolve()
    await Promise.resolve()
    expect(given).toBeNull()
  })

  it('a finished sign-in forgets a blocked click', async () => {
    const gate = new SignInGate()
    gate.offer(null, false)
    gate.release()
    const controller = new AbortController()
    const waiting = gate.next(controller.signal)
    controller.abort(new Error('stop'))
    await expect(waiting).rejects.toThrow('stop')
  })
})
