import type { PrivateMode, Role } from '@waardentafel/protocol'
import { useTranslation } from 'react-i18next'
import { InToolbar } from '../shared/Topbar.tsx'

type Props = {
  role: Role
  mode: PrivateMode
  privateCount: number
  /** Sends a facilitator action; only passed to the facilitator. */
  act?: (action: { action: 'privateMode'; on: boolean } | { action: 'privateMode.reveal' }) => Promise<void>
}

/** Shows private mode to everyone, and gives the facilitator its switch and the reveal. */
export function PrivateModeBar({ role, mode, privateCount, act }: Props) {
  const { t } = useTranslation()
  if (!mode.on && !act && privateCount === 0) return null
  return (
    <InToolbar>
      <div className="wt-private-bar" role="status" data-testid="private-mode">
        {mode.on && <strong>{t('privateMode.on')}</strong>}{' '}
        {role === 'participant' && mode.on && <span>{t('privateMode.explain')}</span>}{' '}
        {privateCount > 0 && <span>{t('privateMode.count', { count: privateCount })}</span>}
        {act && (
          <span className="wt-private-actions">
            <button type="button" onClick={() => void act({ action: 'privateMode', on: !mode.on })}>
              {mode.on ? t('privateMode.turnOff') : t('privateMode.turnOn')}
            </button>
            <button type="button" onClick={() => void act({ action: 'privateMode.reveal' })}>
              {t('privateMode.reveal')}
            </button>
          </span>
        )}
      </div>
    </InToolbar>
  )
}
