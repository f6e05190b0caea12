import { PRIORITERING_COLUMNS, type PrioriteringColumn } from '@waardentafel/domain'
import type { Editor, TLPageId, TLShapeId } from 'tldraw'
import { useValue } from 'tldraw'
import { moveValueCardTo } from '../../templates/actions/moveCard.ts'
import { columnOfCard, liveTemplates } from '../../templates/derive/livePlacement.ts'

export type RoundValue = { id: string; name: string; explanation: string }

/**
 * The value cards a round is about: those in the chosen waarden-prioritering (its child, or lying in it),
 * or every value card on the board when the round names none. Live, so a card added during the round shows.
 */
export function roundValuesOf(editor: Editor, prioriteringId: string | null): RoundValue[] {
  return liveTemplates(editor)
    .valueCards.get()
    .filter((card) => {
      if (card.type !== 'wt-value-card') return false
      if (!prioriteringId) return true
      return card.parentId === prioriteringId || columnOfCard(editor, card.id)?.templateId === prioriteringId
    })
    .flatMap((card) =>
      card.type === 'wt-value-card'
        ? [
            {
              id: card.id,
              name: card.props.name.trim() || card.props.valueKey,
              explanation: card.props.explanation,
            },
          ]
        : [],
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
}

export function useRoundValues(editor: Editor | null, prioriteringId: string | null): RoundValue[] {
  return useValue('round values', () => (editor ? roundValuesOf(editor, prioriteringId) : []), [
    editor,
    prioriteringId,
  ])
}

/** The waarden-prioriteringen on the board, for the facilitator to pick a round's subject. */
export function usePrioriteringen(editor: Editor | null): Array<{ id: string; title: string; page: string }> {
  return useValue(
    'prioriteringen',
    () =>
      editor
        ? liveTemplates(editor)
            .prioritering.get()
            .map((t) => {
              const shape = editor.getShape(t.id as TLShapeId)
              const title = shape?.type === 'wt-prioritering' ? shape.props.title : ''
              return { id: t.id, title, page: editor.getPage(t.pageId as TLPageId)?.name ?? '' }
            })
        : [],
    [editor],
  )
}

/**
 * "Uitkomst overnemen": every value card with a majority moves into that column on the shared board, by the
 * same "Verplaats naar …" move the keyboard uses, so the class follows from the position as always. Cards
 * already in their column stay where they are. Returns how many cards moved.
 */
export function adoptMajorities(
  editor: Editor,
  majorities: ReadonlyArray<{ valueId: string; majority: PrioriteringColumn | null }>,
): number {
  let moved = 0
  const startPage = editor.getCurrentPageId()
  editor.run(() => {
    for (const { valueId, majority } of majorities) {
      if (!majority || !PRIORITERING_COLUMNS.includes(majority)) continue
      const id = valueId as TLShapeId
      const card = editor.getShape(id)
      if (card?.type !== 'wt-value-card') continue
      if (columnOfCard(editor, id)?.column === majority) continue
      // Free spots are looked up on the current page: work on the card's own page.
      const pageId = editor.getAncestorPageId(card)
      if (pageId && pageId !== editor.getCurrentPageId()) editor.setCurrentPage(pageId)
      if (moveValueCardTo(editor, id, majority)) moved++
    }
  })
  if (editor.getCurrentPageId() !== startPage) editor.setCurrentPage(startPage)
  return moved
}
