import react from '@vitejs/plugin-react'
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite'

/**
 * The board view is its own chunk (tldraw is most of the app), imported as the page starts. Asked for by that import,
 * it would only be requested once the entry had run, and at a low priority; listed in the page's head it loads in
 * parallel with the entry, before the board link has been checked.
 */
function preloadBoardView(): Plugin {
  return {
    name: 'wt-preload-board-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {})
        const board = chunks.find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/board/BoardView.tsx') === true,
        )
        if (board?.type !== 'chunk') return []
        // Chunks the board shares with the entry are loaded by the entry anyway.
        const entries = new Set(chunks.filter((c) => c.type === 'chunk' && c.isEntry).map((c) => c.fileName))
        const files = [board.fileName, ...board.imports].filter((file) => !entries.has(file))
        const tags: HtmlTagDescriptor[] = files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head',
        }))
        for (const css of board.viteMetadata?.importedCss ?? [])
          tags.push({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', href: `/${css}` },
            injectTo: 'head',
          })
        return tags
      },
    },
  }
}

// In development the API and sync endpoint come from a server on :8080 (`npm start` serves both on one port).
export default defineConfig({
  plugins: [react(), preloadBoardView()],
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
    },
  },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4000 },
})
