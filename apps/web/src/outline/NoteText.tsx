import { richTextToPlainText } from '@waardentafel/domain'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type TLShape, toRichText } from 'tldraw'
import { useOutline } from './OutlineContext.ts'

/**
 * A note's text as a plain text area. The note stores rich text, and plain text read back from it is trimmed
 * per paragraph, so while someone types here their own text is kept; edits by others show when they leave.
 */
export function NoteText({ shape }: { shape: TLShape }) {
  const { editor } = useOutline()
  const { t } = useTranslation()
  const id = useId()
  const stored = shape.type === 'note' ? richTextToPlainText(shape.props.richText) : ''
  const [draft, setDraft] = useState<string | null>(null)
  return (
    <div className="wt-field">
      <label htmlFor={id}>{t('outline.actions.text')}</label>
      <textarea
        id={id}
        rows={3}
        value={draft ?? stored}
        onFocus={() => setDraft(stored)}
        onBlur={() => setDraft(null)}
        onChange={(e) => {
          setDraft(e.target.value)
          editor.updateShape({ id: shape.id, type: 'note', props: { richText: toRichText(e.target.value) } })
        }}
      />
    </div>
  )
}
