import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const here = import.meta.dirname

it('the README of @mcp-sse/msw shows readme-example.test.tsx byte for byte', () => {
  const readme = readFileSync(join(here, '../../../msw/README.md'), 'utf8')
  const section = readme.split('\n## Testing your components\n')[1]
  expect(
    section,
    'the README lost its "Testing your components" section',
  ).toBeDefined()
  const block = /```tsx\n([\s\S]*?)```\n/.exec(section ?? '')?.[1]
  const file = readFileSync(join(here, 'readme-example.test.tsx'), 'utf8')
  expect(block).toBe(file)
})
