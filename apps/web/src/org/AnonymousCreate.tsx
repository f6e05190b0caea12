import type { CreateBoardResponse } from '@waardentafel/protocol'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createBoard } from '../api/boards.ts'
import { BoardLinks } from './BoardLinks.tsx'
import { orgErrorText } from './orgErrors.ts'

/**
 * A board without signing in: only where the operator allows it (`OPEN_BOARD_CREATION` on a closed network), or
 * with the organiser key a script would use.
 */
export function AnonymousCreate() {
  const { t } = useTranslation()
  const [title, setTitle] = useState('')
  const [organiserKey, setOrganiserKey] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [board, setBoard] = useState<CreateBoardResponse | null>(null)

  async function onCreate(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      setBoard(await createBoard(title, organiserKey || undefined))
    } catch (e) {
      setError(orgErrorText(t, e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <section className="wt-card" aria-labelledby="create-title">
        <h2 id="create-title">{t('home.createTitle')}</h2>
        <form onSubmit={onCreate}>
          <label htmlFor="board-title">{t('home.titleLabel')}</label>
          <input
            id="board-title"
            value={title}
            required
            maxLength={200}
            placeholder={t('home.titlePlaceholder')}
            onChange={(e) => setTitle(e.target.value)}
          />
          <details>
            <summary>{t('home.organiserKeyLabel')}</summary>
            <input
              aria-label={t('home.organiserKeyLabel')}
              type="password"
              value={organiserKey}
              onChange={(e) => setOrganiserKey(e.target.value)}
            />
          </details>
          <button type="submit" disabled={busy || title.trim() === ''}>
            {busy ? t('home.creating') : t('home.create')}
          </button>
          {error && (
            <p role="alert" className="wt-error">
              {error}
            </p>
          )}
        </form>
      </section>
      {board && <BoardLinks board={board} />}
    </>
  )
}
