#!/usr/bin/env node
// Checked before anything is loaded, so an old Node gets a sentence instead of a syntax error.
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `mcp-sse-inspector needs Node 22.12 or newer; this is ${process.version}.`,
  )
  process.exit(1)
}
await import('../dist/cli.js')
