import { CloseCodes } from '@waardentafel/protocol'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatFileSize } from './mediaLimits.ts'
import type { DroppedChange } from './recoverLocalChanges.ts'
import type { RefusalReport } from './refusedChange.ts'

/**
 * After the server refused a change (4409, 4413) the board restarted from the server's copy: says why, which of
 * this person's changes were left out, and that their other changes were kept. Stays until dismissed.
 */
export function RefusedChangeNotice({ refusal }: { refusal: RefusalReport | null }) {
  const { t, i18n } = useTranslation()
  const [dismissed, setDismissed] = useState(0)
  if (!refusal || dismissed === refusal.seq) return null
  // A shape left out because its picture was is the same change as the picture: name the picture only.
  const named = refusal.dropped.filter((d) => d.why !== 'MISSING_ASSET')
  const items = (named.length > 0 ? named : refusal.dropped).map((d) => itemLabel(d, t, i18n.language))
  return (
    <div
      className="wt-ui wt-notice"
      role="alert"
      data-testid="refused-reset"
      data-code={refusal.code}
      data-reason={refusal.reason}
    >
      <strong>{t('board.refused.title')}</strong> {whyText(refusal, t)}{' '}
      {items.length > 0 && t('board.refused.dropped', { items: unique(items).join(', ') })}{' '}
      {refusal.recovered
        ? refusal.kept > 0 && t('board.refused.kept', { count: refusal.kept })
        : t('board.refused.notRecovered')}{' '}
      <button type="button" className="wt-link-button" onClick={() => setDismissed(refusal.seq)}>
        {t('facilitation.close')}
      </button>
    </div>
  )
}

function whyText(refusal: RefusalReport, t: TFunction): string {
  if (/^[A-Z_]+$/.test(refusal.reason) && t(`board.refused.why.${refusal.reason}`, { defaultValue: '' }))
    return t(`board.refused.why.${refusal.reason}`)
  if (refusal.code === CloseCodes.REFUSED_CHANGE.code) return t('board.refused.why.REFUSED')
  return t('board.refused.why.TOO_LARGE')
}

function itemLabel(change: DroppedChange, t: TFunction, language: string): string {
  const name = change.name.trim()
  switch (change.kind) {
    case 'image':
    case 'video':
      return t(`board.refused.item.${change.kind}`, {
        size: change.bytes === null ? '' : ` (${formatFileSize(change.bytes, language)})`,
      })
    case 'value-card':
      return name ? t('board.refused.item.valueCardNamed', { name }) : t('board.refused.item.valueCard')
    case 'template':
      return t('board.refused.item.template')
    default:
      return t('board.refused.item.other')
  }
}

function unique(items: string[]): string[] {
  return [...new Set(items)]
}
