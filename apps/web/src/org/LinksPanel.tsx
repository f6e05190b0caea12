import { type OrgBoard, type Role, type RoleLinks, Roles } from '@waardentafel/protocol'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RoleLink } from '../join/RoleLink.tsx'
import { useOrgError } from './OrgContext.ts'
import { issueLink, openBoard, revokeLinks, tokenOfLink } from './orgApi.ts'

/**
 * The board's role links from the home page: fresh ones (`openBoard`), each copied with its own button, reissued,
 * or all of a role revoked. The reissue and revoke routes take the facilitator's token, the one `openBoard` gave.
 */
export function LinksPanel({ board }: { board: OrgBoard }) {
  const { t } = useTranslation()
  const errorText = useOrgError()
  const [links, setLinks] = useState<RoleLinks | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<Role | null>(null)

  // Asked once per opening of the panel: each answer is a new set of links.
  useEffect(() => {
    let live = true
    openBoard(board.id)
      .then((answer) => live && setLinks(answer.links))
      .catch((e) => live && setError(errorText(e)))
    return () => {
      live = false
    }
  }, [board.id, errorText])

  async function run(role: Role, kind: 'reissue' | 'revoke') {
    if (!links) return
    setError(null)
    setStatus(null)
    setConfirming(null)
    try {
      const token = tokenOfLink(links.facilitator)
      const answer =
        kind === 'reissue' ? await issueLink(board.id, token, role) : await revokeLinks(board.id, token, role)
      setLinks({ ...links, [role]: answer.link })
      setStatus(kind === 'reissue' ? t('org.links.reissued') : t('org.links.revoked'))
    } catch (e) {
      setError(errorText(e))
    }
  }

  const titleId = `links-${board.id}-title`
  return (
    <section aria-labelledby={titleId} data-testid="org-links">
      <h4 id={titleId}>{t('org.links.title', { title: board.title })}</h4>
      <p className="wt-org-muted">{t('org.links.intro')}</p>
      {!links && !error && <p>{t('org.loading')}</p>}
      {links &&
        Roles.map((role) => (
          <div key={role} className="wt-org-role" data-role={role}>
            <RoleLink key={links[role]} role={role} url={links[role]} id={`org-link-${board.id}-${role}`} />
            <div className="wt-org-buttons">
              <button type="button" className="wt-secondary" onClick={() => void run(role, 'reissue')}>
                {t('org.links.reissue')}
              </button>
              <button
                type="button"
                className="wt-secondary wt-danger"
                aria-expanded={confirming === role}
                onClick={() => setConfirming(confirming === role ? null : role)}
              >
                {t('org.links.revoke')}
              </button>
            </div>
            {confirming === role && (
              <div className="wt-org-confirm">
                <p>{t('org.links.revokeConfirm', { role: t(`home.role.${role}`) })}</p>
                <div className="wt-org-buttons">
                  <button type="button" className="wt-danger" onClick={() => void run(role, 'revoke')}>
                    {t('org.links.revokeYes')}
                  </button>
                  <button type="button" className="wt-secondary" onClick={() => setConfirming(null)}>
                    {t('org.lifecycle.cancel')}
                  </button>
                </div>
              </div>
            )}
          </div>
        ))}
      <p role="status">{status}</p>
      {error && (
        <p role="alert" className="wt-error">
          {error}
        </p>
      )}
    </section>
  )
}
