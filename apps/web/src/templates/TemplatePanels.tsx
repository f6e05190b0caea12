import type { Role } from '@waardentafel/protocol'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { NARROW_QUERY, useSheet } from '../shared/useSheet.ts'
import { CardActions } from './panels/CardActions.tsx'
import { Inspector } from './panels/Inspector.tsx'
import { TemplateMenu } from './panels/TemplateMenu.tsx'
import { useMoveShortcuts } from './panels/useMoveShortcuts.ts'
import { SpineMenu } from './spine/SpineMenu.tsx'
import './templates.css'

/**
 * The side panel next to the canvas. Facilitators own the board's structure, so only they insert templates;
 * participants add and fill cards; observers read the inspector without editing.
 */
export function TemplatePanels({ editor, role }: { editor: Editor | null; role: Role }) {
  const { t } = useTranslation()
  // Open beside the canvas on a wide screen; on a phone it would cover the board, so it starts closed there.
  const [open, setOpen] = useSheet('templates', !window.matchMedia(NARROW_QUERY).matches, true)
  const readOnly = role === 'observer'
  useMoveShortcuts(editor, !readOnly)
  if (!editor) return null
  return (
    <aside className="wt-ui wt-tpl-panel" data-open={open} aria-label={t('templates.panel.label')}>
      <button
        type="button"
        className="wt-small wt-secondary wt-panel-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? t('templates.panel.hide') : t('templates.panel.show')}
      </button>
      {open && (
        <div className="wt-tpl-panel-body">
          <Inspector editor={editor} readOnly={readOnly} />
          {role === 'facilitator' && <TemplateMenu editor={editor} />}
          {!readOnly && <CardActions editor={editor} />}
          {!readOnly && <SpineMenu editor={editor} />}
        </div>
      )}
    </aside>
  )
}
