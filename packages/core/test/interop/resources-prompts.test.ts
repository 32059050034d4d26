import { describe, expect, it } from 'vitest'
import { isMCPError } from '../../src/index'
import { TRANSPORTS, useServerEverything } from './helpers'

const INSTRUCTIONS_URI = 'demo://resource/static/document/instructions.md'

describe.each(TRANSPORTS)('resources and prompts, $name stream', (kind) => {
  const env = useServerEverything(kind.mode)

  it('lists resources, page by page and all at once', async () => {
    const client = env.client(kind)
    await client.connect()
    const { resources } = await client.listResources()
    expect(resources).toContainEqual(
      expect.objectContaining({
        uri: INSTRUCTIONS_URI,
        name: 'instructions.md',
        mimeType: 'text/markdown',
      }),
    )
    const all = await client.listAllResources()
    expect(all.map((resource) => resource.uri)).toEqual(
      expect.arrayContaining(resources.map((resource) => resource.uri)),
    )
  })

  it('reads a static text resource', async () => {
    const client = env.client(kind)
    await client.connect()
    const { contents } = await client.readResource(INSTRUCTIONS_URI)
    expect(contents).toHaveLength(1)
    expect(contents[0]).toMatchObject({
      uri: INSTRUCTIONS_URI,
      mimeType: 'text/markdown',
    })
    const text = contents[0]?.text
    expect(typeof text).toBe('string')
    expect(String(text).length).toBeGreaterThan(20)
  })

  it('reads resources made from templates, text and blob', async () => {
    const client = env.client(kind)
    await client.connect()
    const text = await client.readResource('demo://resource/dynamic/text/7')
    expect(text.contents[0]).toMatchObject({
      uri: 'demo://resource/dynamic/text/7',
      text: expect.stringMatching(/^Resource 7: This is a plaintext resource/),
    })
    const blob = await client.readResource('demo://resource/dynamic/blob/3')
    const content = blob.contents[0]
    const encoded = typeof content?.blob === 'string' ? content.blob : ''
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toMatch(
      /^Resource 3: This is a base64 blob/,
    )
  })

  it('rejects a read of an unknown resource with an rpc error', async () => {
    const client = env.client(kind)
    await client.connect()
    const error: unknown = await client
      .readResource('demo://resource/dynamic/text/not-a-number')
      .catch((e: unknown) => e)
    expect(isMCPError(error, 'rpc')).toBe(true)
    expect(isMCPError(error) && typeof error.rpcCode).toBe('number')
  })

  it('lists resource templates', async () => {
    const client = env.client(kind)
    await client.connect()
    const { resourceTemplates } = await client.listResourceTemplates()
    expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual(
      expect.arrayContaining([
        'demo://resource/dynamic/text/{resourceId}',
        'demo://resource/dynamic/blob/{resourceId}',
      ]),
    )
    const all = await client.listAllResourceTemplates()
    expect(all).toEqual(resourceTemplates)
  })

  it('lists prompts with their arguments', async () => {
    const client = env.client(kind)
    await client.connect()
    const { prompts } = await client.listPrompts()
    expect(prompts.map((prompt) => prompt.name)).toEqual(
      expect.arrayContaining([
        'simple-prompt',
        'args-prompt',
        'completable-prompt',
      ]),
    )
    expect(
      prompts.find((prompt) => prompt.name === 'args-prompt')?.arguments,
    ).toEqual([
      expect.objectContaining({ name: 'city', required: true }),
      expect.objectContaining({ name: 'state', required: false }),
    ])
    const all = await client.listAllPrompts()
    expect(all).toEqual(prompts)
  })

  it('gets prompts with and without arguments', async () => {
    const client = env.client(kind)
    await client.connect()
    const simple = await client.getPrompt('simple-prompt')
    expect(simple.messages).toEqual([
      {
        role: 'user',
        content: {
          type: 'text',
          text: 'This is a simple prompt without arguments.',
        },
      },
    ])
    const withArgs = await client.getPrompt('args-prompt', {
      city: 'Lyon',
      state: 'ARA',
    })
    expect(withArgs.messages[0]?.content).toEqual({
      type: 'text',
      text: "What's weather in Lyon, ARA?",
    })
  })

  it('completes a prompt argument', async () => {
    const client = env.client(kind)
    await client.connect()
    const { completion } = await client.complete({
      ref: { type: 'ref/prompt', name: 'completable-prompt' },
      argument: { name: 'department', value: 'S' },
    })
    expect(completion.values).toEqual(['Sales', 'Support'])
  })
})
