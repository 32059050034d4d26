// The shell's style sheet (button, dock, bar, resize handle), injected into the devtools' shadow
// root beside the inspector's own: every rule names a shell element, so none reaches into the
// inspector's panels. `:host { all: initial }` stops the page's inherited properties (font, colour,
// line height) at the boundary, so the devtools look the same in any app.
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
.bar button {
  font: inherit; color: inherit; background: #26282e; border: 1px solid #444;
  border-radius: 4px; padding: 2px 8px; cursor: pointer;
}
.toggle:focus-visible, .bar button:focus-visible { outline: 2px solid #6aa0ff; outline-offset: 1px; }
.embedded { height: 100%; display: flex; flex-direction: column; }
.inspector { flex: 1; min-height: 0; display: flex; flex-direction: column; }
.empty { margin: 16px; color: #888; }
`
