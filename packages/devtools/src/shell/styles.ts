// The devtools' whole style sheet, injected into their shadow root: it styles nothing outside it.
// `:host { all: initial }` stops the page's inherited properties (font, colour, line height) at the
// boundary, so the panel looks the same in any app.
export const STYLES = `
:host { all: initial; }
* { box-sizing: border-box; }
.toggle, .dock, .embedded {
  font: 12px/1.4 ui-sans-serif, system-ui, sans-serif;
  color: #e6e6e6;
  color-scheme: dark;
}
.toggle {
  position: fixed; right: 12px; bottom: 12px; z-index: 2147483646;
  padding: 6px 10px; border-radius: 16px; border: 1px solid #555;
  background: #1e1f24; color: #e6e6e6; font-weight: 600; cursor: pointer;
}
.toggle[aria-expanded="true"] { background: #2d5ea8; }
.dock {
  position: fixed; z-index: 2147483647; background: #16171b;
  display: flex; flex-direction: column; border-color: #444; border-style: solid; border-width: 0;
}
.dock[hidden] { display: none; }
.dock-bottom { left: 0; right: 0; bottom: 0; border-top-width: 1px; }
.dock-right { top: 0; right: 0; bottom: 0; border-left-width: 1px; }
.resize { position: absolute; background: transparent; }
.resize:hover, .resize:focus-visible { background: #2d5ea8; outline: none; }
.dock-bottom .resize { left: 0; right: 0; top: -3px; height: 6px; cursor: ns-resize; }
.dock-right .resize { top: 0; bottom: 0; left: -3px; width: 6px; cursor: ew-resize; }
.bar { display: flex; align-items: center; gap: 8px; padding: 4px 8px; border-bottom: 1px solid #333; }
.bar h2 { font-size: 12px; margin: 0 auto 0 0; }
button {
  font: inherit; color: inherit; background: #26282e; border: 1px solid #444;
  border-radius: 4px; padding: 2px 8px; cursor: pointer;
}
button:focus-visible, textarea:focus-visible { outline: 2px solid #6aa0ff; outline-offset: 1px; }
button[aria-pressed="true"], button[aria-current="true"], button[aria-selected="true"] {
  background: #2d5ea8; border-color: #2d5ea8;
}
.embedded { background: #16171b; height: 100%; }
.panel { display: flex; flex: 1; min-height: 0; height: 100%; }
.connections { width: 220px; flex: none; overflow: auto; border-right: 1px solid #333; padding: 6px; }
.connections ul, .tool-list ul { list-style: none; margin: 0; padding: 0; }
.connections button { width: 100%; text-align: left; display: flex; justify-content: space-between; gap: 6px; margin-bottom: 4px; }
.name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.status { display: inline-flex; align-items: center; gap: 4px; color: #aaa; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: #888; }
.status-ready .dot { background: #3fb950; }
.status-connecting .dot, .status-reconnecting .dot, .status-authorizing .dot { background: #d29922; }
.status-error .dot { background: #f85149; }
.connection { flex: 1; min-width: 0; display: flex; flex-direction: column; padding: 6px 8px; }
.facts { display: flex; flex-wrap: wrap; gap: 2px 16px; margin: 0 0 6px; }
.facts div { display: flex; gap: 4px; min-width: 0; }
.facts dt { color: #888; }
.facts dd { margin: 0; overflow-wrap: anywhere; font-family: ui-monospace, monospace; }
.tabs { display: flex; gap: 4px; margin-bottom: 4px; }
.view { flex: 1; min-height: 0; overflow: auto; }
.toolbar { display: flex; gap: 8px; align-items: center; color: #aaa; margin-bottom: 4px; }
.rows { list-style: none; margin: 0; padding: 0; font-family: ui-monospace, monospace; }
.row-head { width: 100%; display: flex; gap: 8px; text-align: left; border: 0; border-radius: 0; background: none; padding: 1px 2px; }
.row-head:hover { background: #222; }
.time { color: #777; flex: none; }
.kind { color: #8ab4f8; flex: none; width: 110px; }
.row.out .arrow { color: #d2a8ff; }
.row.in .arrow { color: #3fb950; }
.text { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
pre { margin: 2px 0; padding: 4px; background: #0d0e11; white-space: pre-wrap; overflow-wrap: anywhere; font: 11px/1.4 ui-monospace, monospace; }
.tools { display: flex; gap: 12px; }
.tool-list { width: 220px; flex: none; }
.tool-list button { width: 100%; text-align: left; margin-bottom: 2px; }
.tool-detail { flex: 1; min-width: 0; }
.tool-detail h3 { font-size: 12px; margin: 12px 0 4px; }
.call { display: flex; flex-direction: column; gap: 4px; align-items: flex-start; }
.call textarea { width: 100%; font: 11px/1.4 ui-monospace, monospace; color: inherit; background: #0d0e11; border: 1px solid #444; }
.call textarea[aria-invalid="true"] { border-color: #f85149; }
.invalid { color: #ff7b72; margin: 2px 0; }
.result { width: 100%; }
.result.failed .result-title { color: #ff7b72; }
.result-title { margin: 4px 0 0; font-weight: 600; }
.changes { margin: 0; padding-left: 16px; font-family: ui-monospace, monospace; }
.empty, .description { color: #aaa; margin: 0 0 4px; }
`
