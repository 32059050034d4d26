import { afterEach, describe, expect, it } from 'vitest'
import { launcherToken } from './launcher'

afterEach(() => {
  sessionStorage.clear()
  history.replaceState(null, '', '/')
})

describe('the launcher token', () => {
  it('is taken from the fragment into sessionStorage and out of the address bar', () => {
    history.replaceState(
      null,
      '',
      '/?url=http%3A%2F%2F127.0.0.1%3A5%2Fstdio%2Fmcp#token=abc_DEF-123',
    )
    expect(launcherToken()).toBe('abc_DEF-123')
    expect(location.hash).toBe('')
    expect(location.search).toBe(
      '?url=http%3A%2F%2F127.0.0.1%3A5%2Fstdio%2Fmcp',
    )
    expect(location.href).not.toContain('abc_DEF-123')
    expect(sessionStorage.getItem('mcp-sse-inspector:launcher-token')).toBe(
      'abc_DEF-123',
    )
    expect(localStorage.length).toBe(0)
    // Still known after the address was cleaned, for the rest of the tab's life.
    expect(launcherToken()).toBe('abc_DEF-123')
  })

  it('leaves the rest of a fragment in place', () => {
    history.replaceState(null, '', '/#?url=http%3A%2F%2Fh%3A1&token=t1')
    expect(launcherToken()).toBe('t1')
    expect(location.hash).toBe('#?url=http%3A%2F%2Fh%3A1')
  })

  it('is absent on a page the launcher did not open (the hosted build)', () => {
    history.replaceState(null, '', '/?url=http%3A%2F%2Fh%3A1')
    expect(launcherToken()).toBeNull()
    expect(location.search).toBe('?url=http%3A%2F%2Fh%3A1')
  })
})
