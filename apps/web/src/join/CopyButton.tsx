import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** "Kopieer" that says "Gekopieerd" once the text is on the clipboard; `what` names it for screen readers. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }
  return (
    <button type="button" onClick={() => void copy()} data-copied={copied}>
      <span aria-live="polite">{copied ? t('join.copied') : t('join.copy')}</span>
      <span className="wt-visually-hidden">: {what}</span>
    </button>
  )
}
