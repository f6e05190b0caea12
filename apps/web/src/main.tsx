import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { setupI18n } from './i18n/i18n.ts'
import './styles.css'

// Marks for the cold-open benchmark (apps/web/bench/coldOpen.bench.ts VERBOSE=1): where opening a board spends time.
performance.mark('wt:main')
setupI18n()
const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
