// The panel module: what the shell and the embedded panel render. Replaceable as one piece.
export { DevtoolsPanel, PANEL_MARKER } from './DevtoolsPanel'
export type { DevtoolsPanelProps } from './DevtoolsPanel'
