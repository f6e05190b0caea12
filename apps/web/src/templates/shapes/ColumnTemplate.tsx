import { useTranslation } from 'react-i18next'
import { COLUMN_HEADER_H, TITLE_H } from '../layout/templateLayout.ts'

// The body of a column template (prioritering, spanningen): a title band, then equal columns with their names.
// Plain DOM with no state, so hundreds of cards on top of it never make it re-render.

type Props = {
  w: number
  h: number
  title: string
  columns: readonly { key: string; label: string; hint?: string }[]
}

export function ColumnTemplate({ w, h, title, columns }: Props) {
  const { t } = useTranslation()
  const colW = w / columns.length
  return (
    <div className="wt-tpl" style={{ width: w, height: h }}>
      <div className="wt-tpl-title" style={{ height: TITLE_H }}>
        <span>{title}</span>
        <span className="wt-tpl-handle">{t('templates.dragHandle')}</span>
      </div>
      {columns.map((c, i) => (
        <div
          key={c.key}
          className="wt-tpl-col"
          data-column={c.key}
          style={{ left: i * colW, width: colW, top: TITLE_H, height: h - TITLE_H }}
        >
          <div className="wt-tpl-col-head" style={{ height: COLUMN_HEADER_H - TITLE_H }}>
            <strong>{c.label}</strong>
            {c.hint && <span>{c.hint}</span>}
          </div>
        </div>
      ))}
    </div>
  )
}
