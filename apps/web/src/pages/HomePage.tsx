import type { CreateBoardResponse } from '@waardentafel/protocol'
import { Roles } from '@waardentafel/protocol'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createBoard } from '../api/boards.ts'
import { ApiError } from '../api/client.ts'
import { JoinCodeForm } from '../join/JoinCodeForm.tsx'
import { RoleLink } from '../join/RoleLink.tsx'
import '../join/join.css'
import { LicenceNotice } from '../licence/LicenceNotice.tsx'
import { parseBoardLink } from '../route.ts'
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx'

export function HomePage() {
  const { t } = useTranslation()
  const [title, setTitle] = useState('')
  const [organiserKey, setOrganiserKey] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [board, setBoard] = useState<CreateBoardResponse | null>(null)
  const [joinLink, setJoinLink] = useState('')
  const [joinError, setJoinError] = useState(false)

  async function onCreate(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      setBoard(await createBoard(title, organiserKey || undefined))
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'generic'
      setError(t([`errors.${code}`, 'errors.generic']))
    } finally {
      setBusy(false)
    }
  }

  function onJoin(event: FormEvent) {
    event.preventDefault()
    const target = parseBoardLink(joinLink)
    if (!target) return setJoinError(true)
    window.location.assign(target)
  }

  return (
    <div className="wt-ui wt-home">
      <header className="wt-home-header">
        <div>
          <h1>{t('app.name')}</h1>
          <p>{t('app.tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main className="wt-home-main">
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
        <JoinCodeForm />
        <section className="wt-card" aria-labelledby="join-title">
          <h2 id="join-title">{t('home.joinTitle')}</h2>
          <form onSubmit={onJoin}>
            <label htmlFor="join-link">{t('home.joinLabel')}</label>
            <input
              id="join-link"
              value={joinLink}
              onChange={(e) => {
                setJoinLink(e.target.value)
                setJoinError(false)
              }}
            />
            <button type="submit">{t('home.join')}</button>
            {joinError && (
              <p role="alert" className="wt-error">
                {t('home.joinInvalid')}
              </p>
            )}
          </form>
        </section>
        <LicenceNotice />
      </main>
    </div>
  )
}

function BoardLinks({ board }: { board: CreateBoardResponse }) {
  const { t } = useTranslation()
  return (
    <section className="wt-card" aria-labelledby="links-title" data-testid="board-links">
      <h2 id="links-title">{t('home.linksTitle', { title: board.title })}</h2>
      <p>{t('home.linksIntro')}</p>
      <ul className="wt-links">
        {Roles.map((role) => (
          <li key={role}>
            <RoleLink role={role} url={board.links[role]} id={`link-${role}`} />
          </li>
        ))}
      </ul>
      <a className="wt-button" href={board.links.facilitator}>
        {t('home.open')}
      </a>
    </section>
  )
}
