/** The board view's chunk (tldraw, the binding, the panels); one request however often it is asked for. */
export const loadBoardView = () => import('./BoardView.tsx')
