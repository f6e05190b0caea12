import {
  type CloseCodeName,
  CloseCodes,
  describeCloseCode,
  type SessionResponse,
} from '@waardentafel/protocol'
import type { TldrawYjsBinding } from '@waardentafel/tldraw-yjs'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSheet } from '../shared/useSheet.ts'
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx'
import type { BoardConnection, ConnectionStatus } from './BoardConnection.ts'
import { REFUSED_CHANGE_CODES } from './refusedChange.ts'

type Props = {
  /** Receives the top bar's action area, where panels put their toggle buttons. */
  actionsRef?: (element: HTMLElement | null) => void
  session: SessionResponse
  connection: BoardConnection
  binding: TldrawYjsBinding
}

/** Close codes that refuse the link itself; their reason is the HTTP error code the session check would give. */
const LINK_CLOSE_CODES = new Set<number>([
  CloseCodes.UNAUTHORIZED.code,
  CloseCodes.FORBIDDEN.code,
  CloseCodes.TOKEN_EXPIRED.code,
  CloseCodes.BOARD_NOT_FOUND.code,
])

function useConnectionStatus(connection: BoardConnection): ConnectionStatus {
  const [status, setStatus] = useState(connection.status)
  useEffect(() => connection.subscribe(setStatus), [connection])
  return status
}

/** Title, status, language and people around the canvas. */
export function BoardChrome({ actionsRef, session, connection, binding }: Props) {
  const { t, i18n } = useTranslation()
  const status = useConnectionStatus(connection)
  const [invalidCount, setInvalidCount] = useState(0)
  // On a phone the actions fold into a menu, so the header never overflows and the title stays visible.
  const [menuOpen, setMenuOpen] = useSheet('menu')

  useEffect(() => {
    const check = () => setInvalidCount(binding.getInvalidRecords().length)
    check()
    connection.doc.on('afterTransaction', check)
    return () => connection.doc.off('afterTransaction', check)
  }, [binding, connection])

  const closedMessage = (code: number, reason: string) => {
    const name: CloseCodeName | null = describeCloseCode(code).name
    // A refused link says which refusal it was (revoked, expired, forged), as opening it would (errors.*).
    if (LINK_CLOSE_CODES.has(code) && /^[A-Z_]+$/.test(reason) && i18n.exists(`errors.${reason}`))
      return t(`errors.${reason}`)
    if (REFUSED_CHANGE_CODES.has(code) && !name) return t('board.refused.why.TOO_LARGE')
    if (!name) return t('board.status.closed')
    const entry = CloseCodes[name]
    return i18n.language === 'en' ? entry.en : entry.nl
  }

  return (
    <>
      <header className="wt-ui wt-topbar" data-menu={menuOpen ? 'open' : 'closed'}>
        <a className="wt-brand" href="/" aria-label={t('board.home')}>
          W
        </a>
        <h1 className="wt-board-title">{session.board.title}</h1>
        <span className="wt-badge">{t(`board.roleLabel.${session.role}`)}</span>
        <div id="wt-topbar-menu" className="wt-topbar-menu">
          <div className="wt-topbar-actions" ref={actionsRef} />
          {session.role === 'observer' && (
            <span className="wt-badge wt-badge-muted">{t('board.readonly')}</span>
          )}
          <LanguageSwitch />
        </div>
        <span
          className={`wt-status wt-status-${status.kind}`}
          role="status"
          data-testid="connection-status"
          data-status={status.kind}
        >
          {t(`board.status.${status.kind}`)}
        </span>
        <button
          type="button"
          className="wt-menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="wt-topbar-menu"
          data-testid="menu-toggle"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {menuOpen ? t('board.menuClose') : t('board.menu')}
        </button>
      </header>
      {invalidCount > 0 && (
        <p className="wt-ui wt-notice" role="status">
          {t('board.invalidRecords', { count: invalidCount })}
        </p>
      )}
      {binding.getDocSchemaStatus() === 'newer' && (
        <div className="wt-ui wt-notice" role="alert">
          {t('board.newerVersion')}{' '}
          <button type="button" onClick={() => window.location.reload()}>
            {t('board.reload')}
          </button>
        </div>
      )}
      {status.kind === 'closed' && (
        <div className="wt-ui wt-modal-backdrop">
          <div
            className="wt-card"
            role="alertdialog"
            aria-labelledby="closed-title"
            data-testid="connection-closed"
          >
            <h2 id="closed-title">{t('board.status.closed')}</h2>
            <p>{closedMessage(status.code, status.reason)}</p>
            {/* Refused changes are gone from this device's copy: a reload opens the board again. */}
            {REFUSED_CHANGE_CODES.has(status.code) && (
              <button type="button" onClick={() => window.location.reload()}>
                {t('board.reload')}
              </button>
            )}
            <a href="/">{t('board.home')}</a>
          </div>
        </div>
      )}
    </>
  )
}
