import { configure } from '@testing-library/react'

// jsdom lays nothing out and has no ResizeObserver, which the inspector's resizable panes measure
// with. Nothing is resized in jsdom, so an observer that never fires is what a browser would do
// there; the layout itself is exercised in Chromium (example-app.e2e.test.ts).
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver

// The inspector's log and lists update on timers of their own; on a loaded machine (two cores
// shared with other test runs) a second is not always enough for them.
configure({ asyncUtilTimeout: 5_000 })
