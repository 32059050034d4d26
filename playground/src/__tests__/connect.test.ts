import { beforeEach, describe, expect, it } from 'vitest'
import { readAddress, writeAddress } from '../connect/address'
import {
  DEFAULT_CONFIG,
  headersOf,
  validateConfig,
} from '@mcp-sse/inspector-ui/app'
import { loadConfig, saveConfig } from '../connect/storage'

describe('settings in the address', () => {
  it('reads every connection setting, from the query or the fragment', () => {
    const { config, autoConnect } = readAddress({
      search:
        '?url=http%3A%2F%2Fa.test&sse=/events&post=/rpc&timeout=5000&stream=fetch&auth=apikey&authHeader=X-Key&header=X-Tenant%3A%20acme',
      hash: '',
    })
    expect(autoConnect).toBe(true)
    expect(config).toMatchObject({
      url: 'http://a.test',
      sseEndpoint: '/events',
      postEndpoint: '/rpc',
      timeout: 5000,
      stream: 'fetch',
      auth: 'apikey',
      authHeader: 'X-Key',
      headers: [{ name: 'X-Tenant', value: 'acme' }],
    })
    expect(
      readAddress({ search: '', hash: '#?url=http://b.test' }).config.url,
    ).toBe('http://b.test')
    expect(
      readAddress({ search: '?url=x&transport=streamable-http', hash: '' })
        .config.transport,
    ).toBe('streamable-http')
    expect(
      readAddress({ search: '?url=x&transport=carrier-pigeon', hash: '' })
        .config.transport,
    ).toBe('auto')
    expect(readAddress({ search: '', hash: '' }).autoConnect).toBe(false)
  })

  it('writes a shareable link without secrets', () => {
    const link = writeAddress({
      ...DEFAULT_CONFIG,
      url: 'http://a.test',
      auth: 'bearer',
      token: 'sk-secret',
      headers: [
        { name: 'Authorization', value: 'Bearer x' },
        { name: 'X-Tenant', value: 'acme' },
      ],
    })
    expect(link).not.toContain('sk-secret')
    expect(link).not.toContain('transport=')
    expect(
      writeAddress({
        ...DEFAULT_CONFIG,
        url: 'http://a.test',
        transport: 'sse',
      }),
    ).toContain('transport=sse')
    expect(link).not.toContain('Bearer')
    expect(readAddress({ search: link, hash: '' }).config.headers).toEqual([
      { name: 'X-Tenant', value: 'acme' },
    ])
  })
})

describe('the connect form settings', () => {
  beforeEach(() => localStorage.clear())

  it('turns the auth shortcut into a header', () => {
    expect(
      headersOf({ ...DEFAULT_CONFIG, auth: 'bearer', token: 't' }),
    ).toEqual({
      Authorization: 'Bearer t',
    })
    expect(
      headersOf({ ...DEFAULT_CONFIG, auth: 'apikey', token: 't' }),
    ).toEqual({
      'X-API-Key': 't',
    })
  })

  it('explains a bad URL in words', () => {
    expect(validateConfig({ ...DEFAULT_CONFIG, url: '' })).toMatch(
      /Enter the server URL/,
    )
    expect(
      validateConfig({ ...DEFAULT_CONFIG, url: 'localhost:3001' }),
    ).toMatch(/scheme|only http/i)
    expect(
      validateConfig({ ...DEFAULT_CONFIG, url: 'http://x.test' }),
    ).toBeNull()
  })

  it('never stores headers or tokens unless the user ticks remember', () => {
    const config = {
      ...DEFAULT_CONFIG,
      url: 'http://a.test',
      auth: 'bearer' as const,
      token: 'sk-secret',
      headers: [{ name: 'X-Custom', value: 'v' }],
    }
    saveConfig(config, false)
    expect(JSON.stringify(localStorage)).not.toContain('sk-secret')
    expect(loadConfig().config.url).toBe('http://a.test')
    expect(loadConfig().config.headers).toEqual([])
    saveConfig(config, true)
    expect(loadConfig().config.token).toBe('sk-secret')
  })
})
