import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react'
import type { MCPDevtoolsProps } from '../options'
import type { DevtoolsSource } from '../use-devtools-source'
import { focusables, keepFocus, trapTab } from './focus-trap'
import {
  clampSize,
  defaultSize,
  loadLayout,
  saveLayout,
  type DockLayout,
} from './layout'
import { DevtoolsPanel } from './DevtoolsPanel'
import { ShadowHost } from './ShadowHost'
import { matchesShortcut, parseShortcut } from './shortcut'
import { useResize } from './use-resize'

export type DevtoolsShellProps = Omit<MCPDevtoolsProps, 'clients'> &
  DevtoolsSource

/** Arrow keys on the resize handle move the edge by this much. */
const KEY_STEP = 24

/** The floating toggle and the docked panel of `<MCPDevtools />`. */
export function DevtoolsShell({
  clients,
  recorder,
  initialIsOpen = false,
  position = 'bottom',
  shortcut = 'Ctrl+Shift+M',
  storageKey = 'default',
}: DevtoolsShellProps) {
  const [open, setOpen] = useState(initialIsOpen)
  // Mounted on the first opening (an app that never opens the devtools pays for no panel), then
  // kept mounted and hidden, so opening again finds the panel as it was left (the session chosen,
  // the log's filters) with what happened meanwhile in its log. Not React's <Activity>: a hidden
  // one runs effect cleanups, which would detach the inspector from the clients while closed.
  const [opened, setOpened] = useState(initialIsOpen)
  if (open && !opened) setOpened(true)
  const [layout, setLayout] = useState<DockLayout>(() =>
    loadLayout(storageKey, { position, size: defaultSize(position) }),
  )
  const toggle = useRef<HTMLButtonElement>(null)
  const dock = useRef<HTMLDivElement>(null)
  const id = useId()
  const keys = useMemo(
    () => (shortcut === false ? null : parseShortcut(shortcut)),
    [shortcut],
  )

  const remember = useCallback(
    (next: DockLayout) => {
      setLayout(next)
      saveLayout(storageKey, next)
    },
    [storageKey],
  )
  const focusInside = () => {
    const root = dock.current?.getRootNode()
    const active = root instanceof ShadowRoot ? root.activeElement : null
    return active !== null && dock.current?.contains(active) === true
  }
  const close = useCallback(() => {
    setOpen(false)
    toggle.current?.focus()
  }, [])

  // Focus moves into the panel as it opens, onto its first control.
  useEffect(() => {
    if (!open || !dock.current) return
    ;(focusables(dock.current)[0] ?? dock.current).focus()
  }, [open])

  useEffect(() => {
    if (!keys) return
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!matchesShortcut(event, keys)) return
      event.preventDefault()
      if (!open) setOpen(true)
      else if (focusInside()) close()
      else setOpen(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [keys, open, close])

  const onDockKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      close()
      return
    }
    if (dock.current) trapTab(event, dock.current)
  }

  const size = clampSize(layout.size, layout.position)
  const [dragSize, setDragSize] = useState<number | null>(null)
  const onDragEnd = useCallback(
    (last: number) => {
      setDragSize(null)
      remember({ ...layout, size: last })
    },
    [layout, remember],
  )
  const startResize = useResize(layout.position, size, setDragSize, onDragEnd)
  const shown = dragSize ?? size
  const horizontal = layout.position === 'bottom'
  const onHandleKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const grow = horizontal ? 'ArrowUp' : 'ArrowLeft'
    const shrink = horizontal ? 'ArrowDown' : 'ArrowRight'
    if (event.key !== grow && event.key !== shrink) return
    event.preventDefault()
    const step = event.key === grow ? KEY_STEP : -KEY_STEP
    remember({ ...layout, size: clampSize(size + step, layout.position) })
  }

  return (
    <ShadowHost name="devtools">
      <button
        ref={toggle}
        type="button"
        className="toggle"
        aria-expanded={open}
        aria-controls={`${id}-dock`}
        aria-label="MCP devtools"
        title={
          keys && typeof shortcut === 'string'
            ? `MCP devtools (${shortcut})`
            : 'MCP devtools'
        }
        onClick={() => setOpen((was) => !was)}
      >
        MCP
      </button>
      <div
        ref={dock}
        id={`${id}-dock`}
        className={`dock dock-${layout.position}`}
        role="dialog"
        aria-modal="false"
        aria-label="MCP devtools"
        tabIndex={-1}
        hidden={!open}
        style={horizontal ? { height: shown } : { width: shown }}
        onKeyDown={onDockKey}
        onBlur={(event) => {
          if (dock.current) keepFocus(event, dock.current)
        }}
      >
        <header className="bar">
          <h2>MCP devtools</h2>
          <button
            type="button"
            onClick={() =>
              remember({ ...layout, position: horizontal ? 'right' : 'bottom' })
            }
          >
            {horizontal ? 'Dock right' : 'Dock bottom'}
          </button>
          <button type="button" onClick={close} aria-label="Close the devtools">
            Close
          </button>
        </header>
        {opened && (
          <DevtoolsPanel
            clients={clients}
            backlogOf={recorder.backlogOf}
            layoutId={`mcp-sse-devtools:${storageKey}:inspector`}
          />
        )}
        <div
          className="resize"
          role="separator"
          aria-label="Resize the devtools"
          aria-orientation={horizontal ? 'horizontal' : 'vertical'}
          aria-valuenow={shown}
          tabIndex={0}
          onPointerDown={startResize}
          onKeyDown={onHandleKey}
        />
      </div>
    </ShadowHost>
  )
}
