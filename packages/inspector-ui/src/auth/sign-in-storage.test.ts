import { beforeEach, describe, expect, it } from 'vitest'
import { SignInStorage } from './sign-in-storage'

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})

describe('where a sign-in keeps its tokens', () => {
  it('in this tab only, until "remember" is ticked; then on the device, never in both', () => {
    const storage = new SignInStorage(false, () => {})
    storage.setItem('mcp-sse:oauth:tokens:x', 'T')
    expect(sessionStorage.getItem('mcp-sse:oauth:tokens:x')).toBe('T')
    expect(localStorage.length).toBe(0)
    storage.setRemember(true)
    expect(localStorage.getItem('mcp-sse:oauth:tokens:x')).toBe('T')
    expect(sessionStorage.length).toBe(0)
    storage.setItem('mcp-sse:oauth:tokens:x', 'U')
    expect(localStorage.getItem('mcp-sse:oauth:tokens:x')).toBe('U')
    storage.setRemember(false)
    expect(localStorage.length).toBe(0)
    expect(storage.getItem('mcp-sse:oauth:tokens:x')).toBe('U')
    storage.removeItem('mcp-sse:oauth:tokens:x')
    expect(sessionStorage.length + localStorage.length).toBe(0)
  })

  it('says so when it finds what an earlier visit remembered', () => {
    localStorage.setItem('mcp-sse:oauth:tokens:x', 'T')
    let told = 0
    const storage = new SignInStorage(false, () => told++)
    expect(storage.getItem('mcp-sse:oauth:tokens:x')).toBe('T')
    expect(told).toBe(1)
    storage.setItem('mcp-sse:oauth:tokens:x', 'U')
    expect(localStorage.getItem('mcp-sse:oauth:tokens:x')).toBe('U')
    expect(sessionStorage.length).toBe(0)
  })
})
