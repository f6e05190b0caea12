import { type KeyboardEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LinksTab } from './LinksTab.tsx'
import { RoundsTab } from './rounds/RoundsTab.tsx'
import { SessionsTab } from './sessions/SessionsTab.tsx'
import { WorkshopTab } from './WorkshopTab.tsx'

const TABS = ['workshop', 'links', 'rounds', 'sessions'] as const
type Tab = (typeof TABS)[number]

/** The facilitator's tools beside the board, in four tabs. */
export function FacilitatorPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const [tab, setTab] = useState<Tab>('workshop')
  // Arrow keys move between tabs, as in the WAI-ARIA tabs pattern.
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] ?? 'workshop'
    setTab(next)
    document.getElementById(`wt-fac-tab-${next}`)?.focus()
  }
  return (
    <section
      id="wt-fac-panel"
      className="wt-ui wt-side-panel"
      aria-labelledby="wt-fac-title"
      data-testid="facilitator-panel"
    >
      <div className="wt-row-between">
        <h2 id="wt-fac-title">{t('facilitation.panelTitle')}</h2>
        <button type="button" className="wt-link-button" onClick={onClose}>
          {t('facilitation.close')}
        </button>
      </div>
      <div className="wt-tabs" role="tablist" aria-labelledby="wt-fac-title" onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            id={`wt-fac-tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`wt-fac-tabpanel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {t(`facilitation.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div id={`wt-fac-tabpanel-${tab}`} role="tabpanel" aria-labelledby={`wt-fac-tab-${tab}`}>
        {tab === 'workshop' && <WorkshopTab />}
        {tab === 'links' && <LinksTab />}
        {tab === 'rounds' && <RoundsTab />}
        {tab === 'sessions' && <SessionsTab />}
      </div>
    </section>
  )
}
