import type * as Y from 'yjs'

/**
 * Undoes (or redoes) exactly one stack item. Y.UndoManager keeps popping items until one changes
 * something; when another client has since overwritten every value of our last step, the stock undo
 * would silently revert an older step instead, e.g. delete a shape the collaborator just edited. Here
 * such a step is consumed without effect, so each press of undo maps to one of the user's own steps.
 */
export function undoOneStep(undoManager: Y.UndoManager, direction: 'undo' | 'redo'): void {
  const stackKey = direction === 'undo' ? 'undoStack' : 'redoStack'
  const stack = undoManager[stackKey]
  if (stack.length === 0) return
  undoManager[stackKey] = stack.slice(-1)
  try {
    if (direction === 'undo') undoManager.undo()
    else undoManager.redo()
  } finally {
    // Redo pushes onto the undo stack and vice versa, so the popped-from stack is now empty.
    undoManager[stackKey] = stack.slice(0, -1).concat(undoManager[stackKey])
  }
}
