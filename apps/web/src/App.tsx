import { BoardPage } from './pages/BoardPage.tsx'
import { HomePage } from './pages/HomePage.tsx'
import { parseRoute } from './route.ts'

export function App() {
  const route = parseRoute(window.location)
  if (route.page === 'board') return <BoardPage boardId={route.boardId} token={route.token} />
  return <HomePage />
}
