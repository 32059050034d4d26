import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

// jsdom lays nothing out and has no ResizeObserver, which react-resizable-panels measures its
// panels with. Nothing is ever resized in jsdom, so an observer that never fires is what the
// browser would do there; layout itself is tested in Chromium (e2e).
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver

afterEach(() => cleanup())
