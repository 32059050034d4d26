import { afterEach, describe, expect, it, vi } from 'vitest'
import { validate } from '../tools/validate'

afterEach(() => vi.restoreAllMocks())

describe('schema checks (@cfworker/json-schema)', () => {
  it('reports each problem where it is, in the form’s words', () => {
    const schema = {
      type: 'object',
      properties: {
        sum: { type: 'number' },
        target: {
          type: 'object',
          properties: { host: { type: 'string' } },
          required: ['host'],
        },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['sum'],
      additionalProperties: false,
    }
    expect(
      validate(schema, { sum: 1, target: { host: 'db' }, tags: ['a'] }),
    ).toEqual([])
    const issues = validate(schema, {
      sum: 'three',
      target: {},
      tags: [1],
      extra: true,
    })
    expect(issues).toContainEqual({
      path: 'sum',
      message: 'expected number, got string',
    })
    expect(issues).toContainEqual({
      path: 'target.host',
      message: 'is required',
    })
    expect(issues).toContainEqual({
      path: 'tags[0]',
      message: 'expected string, got number',
    })
    expect(issues.some((i) => i.path === '(root)' || i.path === 'extra')).toBe(
      true,
    )
    expect(validate(schema, {})).toEqual([
      { path: 'sum', message: 'is required' },
    ])
  })

  it('speaks JSON Schema 2020-12 by default: $defs, local $ref, prefixItems, dependentRequired', () => {
    const schema = {
      $defs: { port: { type: 'integer', minimum: 1, maximum: 65535 } },
      type: 'object',
      properties: {
        port: { $ref: '#/$defs/port' },
        pair: {
          type: 'array',
          prefixItems: [{ type: 'string' }, { type: 'number' }],
        },
        card: { type: 'string' },
        cvv: { type: 'string' },
      },
      dependentRequired: { card: ['cvv'] },
    }
    expect(validate(schema, { port: 80, pair: ['a', 1] })).toEqual([])
    expect(validate(schema, { port: 0 }).map((i) => i.path)).toEqual(['port'])
    expect(validate(schema, { pair: [1, 'a'] }).map((i) => i.path)).toEqual([
      'pair[0]',
      'pair[1]',
    ])
    expect(validate(schema, { card: '4242' })).toHaveLength(1)
  })

  it('follows a declared draft-07 $schema', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: { list: { type: 'array', items: [{ type: 'string' }] } },
    }
    // Draft 7's array form of items checks positions; 2020-12 would reject the keyword's shape.
    expect(validate(schema, { list: ['a', 5] })).toEqual([])
    expect(validate(schema, { list: [5] })).toHaveLength(1)
  })

  it('checks formats (email, uri, date)', () => {
    const schema = {
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email' },
        site: { type: 'string', format: 'uri' },
        day: { type: 'string', format: 'date' },
      },
    }
    expect(
      validate(schema, {
        email: 'a@b.co',
        site: 'https://x.test',
        day: '2025-11-25',
      }),
    ).toEqual([])
    expect(
      validate(schema, { email: 'nope', site: 'not a uri', day: '25/11/2025' }),
    ).toHaveLength(3)
  })

  it('never fetches a $ref from the network, and says so', () => {
    const fetch = vi.spyOn(globalThis, 'fetch')
    const issues = validate(
      {
        type: 'object',
        properties: { a: { $ref: 'https://schemas.example.com/a.json' } },
      },
      { a: 1 },
    )
    expect(fetch).not.toHaveBeenCalled()
    expect(issues).toEqual([
      {
        path: '(schema)',
        message: expect.stringMatching(
          /refers to https:\/\/schemas.example.com\/a.json.*never fetches a \$ref/,
        ) as string,
      },
    ])
  })

  it('leaves the schema it was given untouched', () => {
    const schema = {
      type: 'object',
      properties: { a: { $ref: '#/$defs/a' } },
      $defs: { a: { type: 'string' } },
    }
    const before = JSON.stringify(schema)
    validate(schema, { a: 1 })
    expect(JSON.stringify(schema)).toBe(before)
  })
})
