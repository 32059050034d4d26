import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  // Relative URLs, so the built app works from any static host and path.
  base: './',
  // Where the page looks for its servers unless its address says otherwise (?http=…&sse=…).
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
