import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { insertTemplate, TEMPLATE_KINDS } from '../actions/insertTemplate.ts'

/** The facilitator's menu: each workshop template, on this page or on a new page of its own. */
export function TemplateMenu({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const [onNewPage, setOnNewPage] = useState(false)
  return (
    <section className="wt-tpl-menu" aria-labelledby="wt-tpl-menu-title">
      <h3 id="wt-tpl-menu-title">{t('templates.menu.title')}</h3>
      <ul>
        {TEMPLATE_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className="wt-small"
              data-template={kind}
              onClick={() => insertTemplate(editor, kind, onNewPage)}
            >
              {t(`templates.names.${kind}`)}
            </button>
          </li>
        ))}
      </ul>
      <label className="wt-check">
        <input type="checkbox" checked={onNewPage} onChange={(e) => setOnNewPage(e.target.checked)} />
        <span>{t('templates.menu.newPage')}</span>
      </label>
    </section>
  )
}
