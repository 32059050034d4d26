import css from './styles.css?inline'

/**
 * The package's whole style sheet as text, for a shadow root (`<style>{inspectorCss}</style>`).
 * Every rule is nested under `.mcp-inspector`, the component's root: it styles nothing else. The
 * same sheet is `@mcp-sse/inspector-ui/style.css`, for a page.
 */
export const inspectorCss: string = css
