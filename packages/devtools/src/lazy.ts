import { lazy } from 'react'

// One chunk, fetched when the first devtools component mounts; none of it is in the app's main
// chunk, and a production build (which never reaches these lines) has none of it.
export const LazyShell = lazy(() =>
  import('./shell/DevtoolsShell').then((module) => ({
    default: module.DevtoolsShell,
  })),
)

export const LazyEmbeddedPanel = lazy(() =>
  import('./shell/EmbeddedPanel').then((module) => ({
    default: module.EmbeddedPanel,
  })),
)
