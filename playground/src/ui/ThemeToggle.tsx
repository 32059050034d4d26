import { useEffect, useState } from 'react'

type Theme = 'auto' | 'light' | 'dark'
const KEY = 'mcp-sse-inspector:theme'

function stored(): Theme {
  try {
    const value = localStorage.getItem(KEY)
    return value === 'light' || value === 'dark' ? value : 'auto'
  } catch {
    return 'auto'
  }
}

/** `auto` follows prefers-color-scheme (in CSS); light/dark pin it through a data attribute. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(stored)
  useEffect(() => {
    if (theme === 'auto') delete document.documentElement.dataset.theme
    else document.documentElement.dataset.theme = theme
    try {
      localStorage.setItem(KEY, theme)
    } catch {
      // Not persisted; fine.
    }
  }, [theme])
  return (
    <label>
      theme{' '}
      <select
        aria-label="Theme"
        value={theme}
        onChange={(e) => setTheme(e.target.value as Theme)}
      >
        <option value="auto">auto</option>
        <option value="light">light</option>
        <option value="dark">dark</option>
      </select>
    </label>
  )
}
