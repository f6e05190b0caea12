import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { startOpeningBoard } from './board/earlyBoard.ts'
import { setupI18n } from './i18n/i18n.ts'
import { parseRoute } from './route.ts'
import './styles.css'

// Marks for the cold-open benchmark (apps/web/bench/coldOpen.bench.ts VERBOSE=1): where opening a board spends time.
performance.mark('wt:main')
setupI18n()
// A board link: the link check and the board's connection start now, before the first render.
const route = parseRoute(window.location)
if (route.page === 'board' && route.token) startOpeningBoard(route.boardId, route.token)
const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
