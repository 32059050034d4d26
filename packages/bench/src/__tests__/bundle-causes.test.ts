import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  describeCause,
  gzipWithoutStrings,
  sharesByArea,
} from '../bundle-causes.ts'

describe('bundle causes', () => {
  it('puts each source file in its area, largest area first', () => {
    const shares = sharesByArea({
      '../../core/src/transport/streamable-http/answer-stream.ts': {
        bytesInOutput: 300,
      },
      '../../core/src/transport/modern/modern-post.ts': { bytesInOutput: 500 },
      '../../core/src/mrtr.ts': { bytesInOutput: 200 },
      '../../core/src/lifecycle.ts': { bytesInOutput: 100 },
      'node_modules/eventsource-parser/dist/parse.js': { bytesInOutput: 50 },
      '<stdin>': { bytesInOutput: 0 },
    })
    expect(shares).toEqual([
      { name: '2026-07-28 (stateless)', bytes: 700 },
      { name: 'Streamable HTTP', bytes: 300 },
      { name: 'the client common to every transport', bytes: 100 },
      { name: 'eventsource-parser', bytes: 50 },
    ])
  })

  it('weighs the code without its string and template literals', () => {
    const message = 'a long error message that says what to do next, '.repeat(
      40,
    )
    const code = `const a="${message}";const b=\`x\${a}${message}\`;export{a,b};`
    const stripped = gzipWithoutStrings(code)
    expect(stripped).toBeLessThan(gzipSync(code, { level: 9 }).byteLength)
    expect(stripped).toBe(
      gzipSync('const a="";const b=`${a}`;export{a,b};', { level: 9 })
        .byteLength,
    )
  })

  it('says whether the code alone misses the target', () => {
    const code = 'export const f=()=>"' + 'message '.repeat(500) + '"'
    const shares = [{ name: 'the client', bytes: code.length }]
    expect(describeCause(code, 5_000, shares, 10)).toContain(
      'the code alone is over the target',
    )
    expect(describeCause(code, 5_000, shares, 4_000)).toContain(
      'shorter messages alone would bring it under the target',
    )
  })
})
