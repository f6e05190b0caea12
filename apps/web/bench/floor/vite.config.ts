import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The reference page of the cold-open bench: tldraw alone (see main.tsx). Built by coldOpen.bench.ts.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  logLevel: 'warn',
  build: { target: 'es2022', chunkSizeWarningLimit: 8000, emptyOutDir: true },
})
