import { registerHooks } from 'node:module'

// react-dom-18 is installed beside React 19 (pnpm resolved its `react` peer to 19), so Node's own
// resolution would mix the two. Send every bare `react`/`react-dom` import Node resolves in this
// worker to the 18 copies.
const redirect: Record<string, string> = {
  react: 'react-18',
  'react-dom': 'react-dom-18',
}

registerHooks({
  resolve(specifier, context, nextResolve) {
    const match = /^(react-dom|react)(\/.*)?$/.exec(specifier)
    const target = match?.[1] === undefined ? undefined : redirect[match[1]]
    if (target === undefined) return nextResolve(specifier, context)
    // Resolved from this file, where both aliases are direct dependencies.
    return nextResolve(`${target}${match?.[2] ?? ''}`, {
      ...context,
      parentURL: import.meta.url,
    })
  },
})
