import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseBoardLink } from '../route.ts'

/** "Heb je een link gekregen?": baathouders and observers need no account, only the link (or the room's code). */
export function JoinWithLink() {
  const { t } = useTranslation()
  const [joinLink, setJoinLink] = useState('')
  const [joinError, setJoinError] = useState(false)

  function onJoin(event: FormEvent) {
    event.preventDefault()
    const target = parseBoardLink(joinLink)
    if (!target) return setJoinError(true)
    window.location.assign(target)
  }

  return (
    <section className="wt-card" aria-labelledby="join-title">
      <h2 id="join-title">{t('org.signIn.linkTitle')}</h2>
      <p className="wt-org-muted">{t('org.signIn.linkIntro')}</p>
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
  )
}
