import type { Lock } from '@waardentafel/protocol'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useValue } from 'tldraw'
import { useFacilitation } from './FacilitationContext.ts'
import { presenterUrl } from './presenter.ts'
import { TimerControls } from './TimerControls.tsx'

/** Timer, "Iedereen naar mij", "Volg mij", the presenter screen and the locks. */
export function WorkshopTab() {
  const { t } = useTranslation()
  const { state, act, editor, self, auth } = useFacilitation()
  const leading = state.followMe?.userId === self.userId
  const zoom = useValue('zoom', () => editor?.getZoomLevel() ?? 1, [editor])

  const summon = () => {
    if (!editor) return
    const centre = editor.getViewportPageBounds().center
    void act({
      action: 'summon',
      pageId: editor.getCurrentPageId(),
      x: centre.x,
      y: centre.y,
      z: zoom,
      by: self.userId,
    })
  }
  const toggleFollow = () =>
    void act(
      leading ? { action: 'followMe.stop' } : { action: 'followMe', userId: self.userId, name: self.name },
    )
  // The lock is the server's to change: show the wish at once, and the server's answer when it comes.
  const [wanted, setWanted] = useState<Lock | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the server's new lock state ends the wish
  useEffect(() => setWanted(null), [state.lock])
  const lock = wanted ?? state.lock
  const setLock = async (next: Partial<Lock>) => {
    const target = { ...lock, ...next }
    setWanted(target)
    if (!(await act({ action: 'lock', ...target }))) setWanted(null)
  }

  return (
    <>
      <TimerControls timer={state.timer} act={act} />
      <section className="wt-fac-section" aria-labelledby="wt-fac-view">
        <h3 id="wt-fac-view">{t('facilitation.view.title')}</h3>
        <div className="wt-fac-row">
          <button type="button" onClick={summon} disabled={!editor}>
            {t('facilitation.view.summon')}
          </button>
          <button type="button" aria-pressed={leading} onClick={toggleFollow}>
            {leading ? t('facilitation.view.followMeStop') : t('facilitation.view.followMe')}
          </button>
        </div>
        <p className="wt-muted">{t('facilitation.view.hint')}</p>
        <a className="wt-button wt-secondary" href={presenterUrl(auth.token)} target="_blank" rel="noopener">
          {t('facilitation.presenter.open')}
        </a>
      </section>
      <section className="wt-fac-section" aria-labelledby="wt-fac-lock">
        <h3 id="wt-fac-lock">{t('facilitation.lock.title')}</h3>
        <label className="wt-check">
          <input
            type="checkbox"
            checked={lock.structure}
            onChange={(e) => void setLock({ structure: e.target.checked })}
          />{' '}
          {t('facilitation.lock.structure')}
        </label>
        <label className="wt-check">
          <input
            type="checkbox"
            checked={lock.valueCards}
            onChange={(e) => void setLock({ valueCards: e.target.checked })}
          />{' '}
          {t('facilitation.lock.valueCards')}
        </label>
        <p className="wt-muted">{t('facilitation.lock.hint')}</p>
      </section>
    </>
  )
}
