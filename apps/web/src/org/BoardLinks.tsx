import type { CreateBoardResponse } from '@waardentafel/protocol'
import { Roles } from '@waardentafel/protocol'
import { useTranslation } from 'react-i18next'
import { RoleLink } from '../join/RoleLink.tsx'

/** A new board's three role links, each labelled and with its own copy button, and the way onto the board. */
export function BoardLinks({ board }: { board: CreateBoardResponse }) {
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
