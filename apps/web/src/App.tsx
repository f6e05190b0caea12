import { JoinByCodePage } from './join/JoinByCodePage.tsx'
import { BoardPage } from './pages/BoardPage.tsx'
import { HomePage } from './pages/HomePage.tsx'
import type { Route } from './route.ts'

/** The route is read once as the page starts (main.tsx), which also takes the link's token out of the address. */
export function App({ route }: { route: Route }) {
  if (route.page === 'board') return <BoardPage boardId={route.boardId} token={route.token} />
  if (route.page === 'join') return <JoinByCodePage code={route.code} />
  return <HomePage />
}
