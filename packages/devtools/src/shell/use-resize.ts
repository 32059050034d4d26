import { useCallback, type PointerEvent as ReactPointerEvent } from 'react'
import type { DevtoolsPosition } from '../options'
import { clampSize } from './layout'

/**
 * Drag handlers for the dock's edge: the dock grows as the edge moves away from the window's
 * bottom (or right) side. `onResize` gets each new size; `onDone` the last one, to remember.
 */
export function useResize(
  position: DevtoolsPosition,
  size: number,
  onResize: (size: number) => void,
  onDone: (size: number) => void,
) {
  return useCallback(
    (down: ReactPointerEvent<HTMLElement>) => {
      if (down.button !== 0) return
      down.preventDefault()
      const start = position === 'bottom' ? down.clientY : down.clientX
      let last = size
      const move = (event: PointerEvent) => {
        const now = position === 'bottom' ? event.clientY : event.clientX
        last = clampSize(size + (start - now), position)
        onResize(last)
      }
      const up = () => {
        window.removeEventListener('pointermove', move)
        window.removeEventListener('pointerup', up)
        onDone(last)
      }
      window.addEventListener('pointermove', move)
      window.addEventListener('pointerup', up)
    },
    [position, size, onResize, onDone],
  )
}
