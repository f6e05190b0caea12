import { exportFileName, type Finding } from '@waardentafel/domain'
import type { Role } from '@waardentafel/protocol'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor, TLShapeId } from 'tldraw'
import { api } from '../api/client.ts'
import { isoDay } from '../export/exportFileName.ts'
import { InTopbar } from '../shared/Topbar.tsx'
import { useSheet } from '../shared/useSheet.ts'
import { PvwBlocks } from './PvwBlocks.tsx'
import { uniqueKeys } from './uniqueKeys.ts'
import { usePvw } from './usePvw.ts'
import { VersionsSection } from './versions/VersionsSection.tsx'

type Props = { editor: Editor | null; board: { id: string; title: string }; token: string; role: Role }

const FORMATS = [
  { format: 'pdf', label: 'PDF' },
  { format: 'docx', label: 'Word (.docx)' },
  { format: 'html', label: 'HTML' },
  { format: 'md', label: 'Markdown' },
  { format: 'json', label: 'JSON' },
] as const
type Format = (typeof FORMATS)[number]['format']

/** Beside the board: the Programma van Waarden as it stands, its quality checks, and downloads. */
export function PvwPanel({ editor, board, token, role }: Props) {
  const { t, i18n } = useTranslation()
  const [open, setOpen] = useSheet('pvw')
  const pvw = usePvw(editor, board, open)
  const [withToets, setWithToets] = useState(false)

  const showCards = (ids: string[]) => {
    if (!editor) return
    const shapes = ids.filter(
      (id) => id.startsWith('shape:') && editor.getShape(id as TLShapeId),
    ) as TLShapeId[]
    if (shapes.length === 0) return
    editor.select(...shapes)
    editor.zoomToSelection({ animation: { duration: 300 } })
  }

  const download = async (format: Format) => {
    // A refused or failed download leaves the page as it is, as a browser's own failed download would.
    // The live board is a concept; frozen versions (Versies, below) carry their own status.
    const query = { format, kwaliteitstoets: withToets ? '1' : '0' } as const
    const blob = await api
      .file('programma', { boardId: board.id }, { bearer: token, query })
      .catch(() => null)
    if (!blob) return
    const url = URL.createObjectURL(blob)
    if (format === 'html') {
      window.open(url, '_blank', 'noopener')
    } else {
      const a = document.createElement('a')
      a.href = url
      // The name the server gives the same file (packages/domain exportFileName): title and day.
      a.download = `Programma van Waarden - ${exportFileName(board.title, isoDay(new Date()), format)}`
      a.click()
    }
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  }

  return (
    <>
      <InTopbar>
        <button
          type="button"
          className="wt-ui wt-pvw-toggle"
          aria-expanded={open}
          aria-controls="wt-pvw-panel"
          onClick={() => setOpen(!open)}
        >
          {t('pvw.title')}
        </button>
      </InTopbar>
      {open && (
        <section
          id="wt-pvw-panel"
          className="wt-ui wt-pvw-panel"
          aria-labelledby="wt-pvw-title"
          data-testid="pvw-panel"
        >
          <div className="wt-row-between">
            <h2 id="wt-pvw-title">{t('pvw.title')}</h2>
            <button type="button" className="wt-link-button" onClick={() => setOpen(false)}>
              {t('pvw.close')}
            </button>
          </div>
          {role !== 'observer' && (
            <fieldset className="wt-pvw-downloads">
              <legend className="wt-visually-hidden">{t('pvw.download')}</legend>
              <label>
                <input type="checkbox" checked={withToets} onChange={(e) => setWithToets(e.target.checked)} />{' '}
                {t('pvw.withToets')}
              </label>
              {FORMATS.map(({ format, label }) => (
                <button key={format} type="button" onClick={() => void download(format)}>
                  {label}
                </button>
              ))}
            </fieldset>
          )}
          {role !== 'observer' && <VersionsSection board={board} token={token} role={role} />}
          {!pvw ? (
            <p>{t('board.loading')}</p>
          ) : (
            <>
              <h3>{t('pvw.checks')}</h3>
              <Findings findings={pvw.kwaliteitstoets} lang={i18n.language} onSelect={showCards} />
              <PvwBlocks pvw={pvw} onSources={showCards} />
            </>
          )}
        </section>
      )}
    </>
  )
}

function Findings({
  findings,
  lang,
  onSelect,
}: {
  findings: Finding[]
  lang: string
  onSelect: (ids: string[]) => void
}) {
  const { t } = useTranslation()
  if (findings.length === 0) return <p>{t('pvw.noFindings')}</p>
  return (
    <ul className="wt-findings" data-testid="pvw-findings">
      {uniqueKeys(findings, (f) => `${f.code}:${f.cardIds.join(',')}`).map(({ key, item: f }) => (
        <li key={key} className={`wt-finding wt-finding-${f.severity}`} data-code={f.code}>
          <span className="wt-severity">{t(`pvw.severity.${f.severity}`)}</span>{' '}
          {lang === 'en' ? f.message.en : f.message.nl}{' '}
          {f.cardIds.length > 0 && (
            <button type="button" className="wt-link-button" onClick={() => onSelect(f.cardIds)}>
              {t('pvw.showCards', { count: f.cardIds.length })}
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}
