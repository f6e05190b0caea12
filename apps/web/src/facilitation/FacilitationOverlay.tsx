import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { InToolbar } from '../shared/Topbar.tsx'
import { useSheet } from '../shared/useSheet.ts'
import { useFacilitation } from './FacilitationContext.ts'
import { FacilitatorPanel } from './FacilitatorPanel.tsx'
import { RoundPanel } from './rounds/RoundPanel.tsx'
import { TimerDisplay } from './TimerDisplay.tsx'
import { useFollowTarget, useSummon } from './useViewportDirections.ts'
import './facilitation.css'

type Panel = 'facilitator' | 'round' | null

/**
 * What facilitation adds around the canvas: the timer and lock state for everyone, the follow/summon
 * behaviour, the facilitator's panel, the prioritising-round panel, and presenter mode's big-screen view.
 * `notice` (the board's refused-change notice) is shown in either view; the board page provides it.
 */
export function FacilitationOverlay({ notice }: { notice: ReactNode }) {
  const { t } = useTranslation()
  const facilitation = useFacilitation()
  const { state, role, presenter, editor, self, clockOffset, round } = facilitation
  // Each panel is a sheet of its own: opening one closes any other panel of the board.
  const [facilitatorOpen, setFacilitatorOpen] = useSheet('facilitator')
  const [roundOpen, setRoundOpen] = useSheet('round')
  const panel: Panel = facilitatorOpen ? 'facilitator' : roundOpen ? 'round' : null
  const setPanel = (next: Panel) => {
    setFacilitatorOpen(next === 'facilitator')
    setRoundOpen(next === 'round')
  }
  const facilitatorLeader = useFacilitatorPresence(presenter)
  useSummon(editor, state.summon, self.userId)
  const follow = useFollowTarget(
    editor,
    presenter ? (state.followMe ?? facilitatorLeader) : role === 'facilitator' ? null : state.followMe,
    self.userId,
    presenter,
  )
  const toggle = (next: Panel) => setPanel(panel === next ? null : next)
  const canPlace = role !== 'observer' && !presenter
  const hasRounds = Object.keys(state.rounds).length > 0

  if (presenter) {
    return (
      <div className="wt-ui wt-presenter" data-testid="presenter">
        <TimerDisplay timer={state.timer} clockOffset={clockOffset} size="large" />
        {round && <p className="wt-presenter-round">{round.title}</p>}
        {follow.target && (
          <p className="wt-presenter-follow">
            {t('facilitation.presenter.following', { name: follow.target.name })}
          </p>
        )}
        {notice}
      </div>
    )
  }

  return (
    <>
      <InToolbar>
        <div className="wt-fac-bar" data-testid="facilitation-bar" data-panel-open={panel !== null}>
          <TimerDisplay
            timer={state.timer}
            clockOffset={clockOffset}
            {...(role === 'facilitator'
              ? { onReset: () => void facilitation.act({ action: 'timer.reset' }) }
              : {})}
          />
          {(state.lock.structure || state.lock.valueCards) && (
            <span className="wt-badge wt-fac-badge" data-testid="lock-state">
              {state.lock.structure && state.lock.valueCards
                ? t('facilitation.lock.bothLocked')
                : state.lock.structure
                  ? t('facilitation.lock.structureLocked')
                  : t('facilitation.lock.valueCardsLocked')}
            </span>
          )}
          {follow.following && follow.target && (
            <span className="wt-badge wt-fac-badge" data-testid="follow-state">
              {t('facilitation.follow.following', { name: follow.target.name })}
            </span>
          )}
          {follow.dismissed && follow.target && (
            <button type="button" className="wt-small" onClick={follow.resume}>
              {t('facilitation.follow.resume', { name: follow.target.name })}
            </button>
          )}
          {canPlace && hasRounds && (
            <button
              type="button"
              className="wt-small"
              aria-expanded={panel === 'round'}
              aria-controls="wt-round-panel"
              data-round-open={round !== null}
              onClick={() => toggle('round')}
            >
              {t('facilitation.rounds.panelTitle')}
              {round && <span className="wt-dot-new" aria-hidden="true" />}
            </button>
          )}
          {role === 'facilitator' && (
            <button
              type="button"
              className="wt-small"
              aria-expanded={panel === 'facilitator'}
              aria-controls="wt-fac-panel"
              onClick={() => toggle('facilitator')}
            >
              {t('facilitation.panelTitle')}
            </button>
          )}
        </div>
      </InToolbar>
      {panel === 'facilitator' && role === 'facilitator' && (
        <FacilitatorPanel onClose={() => setPanel(null)} />
      )}
      {panel === 'round' && canPlace && (
        <div id="wt-round-panel">
          <RoundPanel onClose={() => setPanel(null)} />
        </div>
      )}
      {notice}
    </>
  )
}

/** The presenter screen follows the facilitator even without "Volg mij": the first facilitator present. */
function useFacilitatorPresence(active: boolean): { userId: string; name: string } | null {
  const { awareness } = useFacilitation()
  const [leader, setLeader] = useState<{ userId: string; name: string } | null>(null)
  useEffect(() => {
    if (!active) return
    const update = () => {
      let found: { userId: string; name: string } | null = null
      for (const [clientId, state] of awareness.getStates()) {
        const user = (
          state as { user?: { role?: unknown; userId?: unknown; name?: unknown; presenter?: unknown } }
        ).user
        if (clientId === awareness.clientID || user?.role !== 'facilitator' || user.presenter === true)
          continue
        if (typeof user.userId === 'string' && typeof user.name === 'string') {
          found = { userId: user.userId, name: user.name }
          break
        }
      }
      setLeader((previous) => (previous?.userId === found?.userId ? previous : found))
    }
    awareness.on('change', update)
    update()
    return () => awareness.off('change', update)
  }, [awareness, active])
  return leader
}
