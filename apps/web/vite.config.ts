import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { tiptapSchemaCache } from './src/patches/tiptapSchemaCache.ts'

// In development the API and sync endpoint come from a server on :8080 (`npm start` serves both on one port).
export default defineConfig({
  plugins: [react(), tiptapSchemaCache()],
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
    },
  },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4000 },
})
