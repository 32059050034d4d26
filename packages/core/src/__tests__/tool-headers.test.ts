import { describe, expect, it } from 'vitest'
import { decodeHeaderValue, encodeHeaderValue, readToolHeaders } from '../index'
import { paramHeaders } from '../modern/tool-headers'

const schema = (properties: Record<string, unknown>) => ({
  type: 'object',
  properties,
})

describe('x-mcp-header values (2026-07-28)', () => {
  it('encodes as the revision tabulates', () => {
    expect(encodeHeaderValue('us-west1')).toBe('us-west1')
    expect(encodeHeaderValue('Hello, 世界')).toBe(
      '=?base64?SGVsbG8sIOS4lueVjA==?=',
    )
    expect(encodeHeaderValue(' padded ')).toBe('=?base64?IHBhZGRlZCA=?=')
    expect(encodeHeaderValue('line1\nline2')).toBe(
      '=?base64?bGluZTEKbGluZTI=?=',
    )
    expect(encodeHeaderValue('=?base64?literal?=')).toBe(
      '=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?=',
    )
    expect(encodeHeaderValue(42)).toBe('42')
    expect(encodeHeaderValue(-7)).toBe('-7')
    expect(encodeHeaderValue(false)).toBe('false')
    for (const value of [
      'Hello, 世界',
      ' padded ',
      'line1\nline2',
      '=?base64?literal?=',
    ])
      expect(decodeHeaderValue(encodeHeaderValue(value))).toBe(value)
  })

  it('reads annotations reached through properties only, nested objects included', () => {
    const read = readToolHeaders(
      schema({
        region: { type: 'string', 'x-mcp-header': 'Region' },
        opts: {
          type: 'object',
          properties: { dry: { type: 'boolean', 'x-mcp-header': 'Dry' } },
        },
        q: { type: 'string' },
      }),
    )
    expect(read).toEqual({
      ok: true,
      annotations: [
        { header: 'Region', path: ['region'] },
        { header: 'Dry', path: ['opts', 'dry'] },
      ],
    })
    if (!read.ok) return
    expect(
      paramHeaders(read.annotations, {
        region: 'eu',
        opts: { dry: true },
        q: 'x',
      }),
    ).toEqual({
      'Mcp-Param-Region': 'eu',
      'Mcp-Param-Dry': 'true',
    })
    expect(paramHeaders(read.annotations, { region: null })).toEqual({})
  })

  it.each([
    ['empty', { a: { type: 'string', 'x-mcp-header': '' } }, 'empty'],
    [
      'not a token',
      { a: { type: 'string', 'x-mcp-header': 'Bad Name' } },
      'not a valid header name',
    ],
    [
      'a number',
      { a: { type: 'number', 'x-mcp-header': 'A' } },
      'only string, integer and boolean',
    ],
    [
      'an object',
      { a: { type: 'object', 'x-mcp-header': 'A' } },
      'only string, integer and boolean',
    ],
    [
      'twice, in other case',
      {
        a: { type: 'string', 'x-mcp-header': 'X' },
        b: { type: 'string', 'x-mcp-header': 'x' },
      },
      'used twice',
    ],
    [
      'inside items',
      { a: { type: 'array', items: { type: 'string', 'x-mcp-header': 'A' } } },
      'no argument maps',
    ],
    [
      'inside anyOf',
      { a: { anyOf: [{ type: 'string', 'x-mcp-header': 'A' }] } },
      'no argument maps',
    ],
  ])(
    'makes a tool invalid when an annotation is %s',
    (_what, properties, reason) => {
      const read = readToolHeaders(schema(properties))
      expect(read.ok).toBe(false)
      if (!read.ok) expect(read.reason).toContain(reason)
    },
  )

  it('refuses an integer past the safe range', () => {
    const read = readToolHeaders(
      schema({ n: { type: 'integer', 'x-mcp-header': 'N' } }),
    )
    if (!read.ok) throw new Error(read.reason)
    expect(() => paramHeaders(read.annotations, { n: 2 ** 60 })).toThrow(
      /safe integers/,
    )
  })
})
