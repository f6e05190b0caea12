import { type LinkResponse, type Role, Roles } from '@waardentafel/protocol'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { JoinScreen } from '../join/JoinScreen.tsx'
import { RoleLink } from '../join/RoleLink.tsx'
import { useFacilitation } from './FacilitationContext.ts'
import { issueLink, revokeLinks } from './facilitationApi.ts'
import { formatDate } from './formatDate.ts'

const LIFETIMES = [1, 7, 30, 90] as const

/** New links per role with a lifetime, and revoking every link of a role (after a confirmation). */
export function LinksTab() {
  const { t } = useTranslation()
  const { auth, boardTitle } = useFacilitation()
  const [showJoin, setShowJoin] = useState(false)
  return (
    <section className="wt-fac-section" aria-labelledby="wt-links-title">
      <h3 id="wt-links-title">{t('facilitation.links.title')}</h3>
      <button type="button" data-testid="open-join-screen" onClick={() => setShowJoin(true)}>
        {t('join.screen.open')}
      </button>
      {showJoin && <JoinScreen auth={auth} title={boardTitle} onClose={() => setShowJoin(false)} />}
      <p className="wt-muted">{t('facilitation.links.intro')}</p>
      {Roles.map((role) => (
        <RoleLinks key={role} role={role} />
      ))}
    </section>
  )
}

function RoleLinks({ role }: { role: Role }) {
  const { t, i18n } = useTranslation()
  const { auth } = useFacilitation()
  const [ttlDays, setTtlDays] = useState<number>(30)
  const [link, setLink] = useState<LinkResponse | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [revoked, setRevoked] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = async (task: () => Promise<LinkResponse>, afterRevoke: boolean) => {
    setError(null)
    try {
      setLink(await task())
      setRevoked(afterRevoke)
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'generic'
      setError(t([`facilitation.errors.${code}`, 'facilitation.errors.generic']))
    }
  }

  const selectId = `wt-ttl-${role}`
  return (
    <div className="wt-role-links" data-testid="role-links" data-role={role}>
      <h4>{t(`home.role.${role}`)}</h4>
      <div className="wt-fac-row">
        <label htmlFor={selectId}>{t('facilitation.links.lifetime')}</label>
        <select id={selectId} value={ttlDays} onChange={(e) => setTtlDays(Number(e.target.value))}>
          {LIFETIMES.map((days) => (
            <option key={days} value={days}>
              {t('facilitation.links.days', { count: days })}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void run(() => issueLink(auth, role, ttlDays), false)}>
          {t('facilitation.links.issue')}
        </button>
      </div>
      {!confirming ? (
        <button type="button" className="wt-secondary wt-danger" onClick={() => setConfirming(true)}>
          {t('facilitation.links.revoke')}
        </button>
      ) : (
        <fieldset className="wt-confirm">
          <legend className="wt-visually-hidden">{t('facilitation.links.revoke')}</legend>
          <p>
            {t('facilitation.links.revokeConfirm', { role: t(`home.role.${role}`) })}
            {role === 'facilitator' && ` ${t('facilitation.links.revokeOwn')}`}
          </p>
          <div className="wt-fac-row">
            <button
              type="button"
              className="wt-danger"
              onClick={() => {
                setConfirming(false)
                void run(() => revokeLinks(auth, role), true)
              }}
            >
              {t('facilitation.links.revokeYes')}
            </button>
            <button type="button" className="wt-secondary" onClick={() => setConfirming(false)}>
              {t('facilitation.cancel')}
            </button>
          </div>
        </fieldset>
      )}
      {error && (
        <p className="wt-error" role="alert">
          {error}
        </p>
      )}
      {link && (
        <div className="wt-new-link" data-testid="new-link">
          {revoked && <p role="status">{t('facilitation.links.revoked')}</p>}
          <RoleLink key={link.link} role={role} url={link.link} id={`wt-link-${role}`} />
          <p className="wt-muted">
            {t('facilitation.links.expires', { date: formatDate(link.expiresAt * 1000, i18n.language) })}
          </p>
          {revoked && role === 'facilitator' && (
            <div className="wt-fac-row">
              <a className="wt-button" href={link.link}>
                {t('facilitation.links.openNew')}
              </a>
            </div>
          )}
        </div>
      )}
    </div>
  )
}
