import './cspCompatibleZod.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { startOpeningBoard } from './board/earlyBoard.ts'
import { setupI18n } from './i18n/i18n.ts'
import { readBoardRoute, sessionStorageOrNull } from './linkToken.ts'
import './styles.css'

// Marks for the cold-open benchmark (apps/web/bench/coldOpen.bench.ts VERBOSE=1): where opening a board spends time.
performance.mark('wt:main')
setupI18n()
// A board link: its token leaves the address bar (kept for this tab), and the link check and the board's
// connection start now, before the first render.
const route = readBoardRoute({
  location: window.location,
  history: window.history,
  storage: sessionStorageOrNull(),
})
if (route.page === 'board' && route.token) startOpeningBoard(route.boardId, route.token)
const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App route={route} />
    </StrictMode>,
  )
}
