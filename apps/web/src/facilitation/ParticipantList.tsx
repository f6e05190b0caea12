import type { RoundReport } from '@waardentafel/protocol'
import { createContext, useContext, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type TLUserId, useEditor, useValue } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { z } from 'zod'
import { AtBoardRoot, InTopbar } from '../shared/Topbar.tsx'
import { useSheet } from '../shared/useSheet.ts'
import { type DeviceLocation, saveDeviceLocation } from './deviceLocation.ts'
import { useOptionalFacilitation } from './FacilitationContext.ts'

// Awareness states come from other browsers: parsed, never trusted.
const PeerSchema = z.object({
  user: z.object({
    name: z.string().max(200),
    organisation: z.string().max(200).default(''),
    role: z.enum(['facilitator', 'participant', 'observer']),
    userId: z.string().max(100),
    color: z.string().max(20),
    location: z.enum(['zaal', 'afstand']).nullable().optional().catch(null),
    presenter: z.boolean().optional().catch(false),
  }),
})

type Peer = z.infer<typeof PeerSchema>['user'] & { clientId: number; self: boolean }

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = []
  for (const [clientId, state] of awareness.getStates()) {
    const parsed = PeerSchema.safeParse(state)
    if (parsed.success) peers.push({ ...parsed.data.user, clientId, self: clientId === awareness.clientID })
  }
  // One entry per person even with several tabs open.
  const seen = new Set<string>()
  return peers
    .sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name))
    .filter((p) => !seen.has(p.userId) && seen.add(p.userId))
}

/** Whether this person is done with the current round, matched on name and organisation (the report has no ids). */
function finishedRound(report: RoundReport | null, peer: Peer): boolean {
  return !!report?.progress.some(
    (p) =>
      p.done &&
      p.name === peer.name &&
      (p.organisation === null || p.organisation === '' || p.organisation === peer.organisation),
  )
}

/**
 * Who is on the board now: in the room or remote (each sets this for themselves), done with the current
 * prioritising round or not, with a follow button per person (tldraw's own follow, fed by presence).
 */
export function ParticipantList({ awareness }: { awareness: Awareness }) {
  // Folded away by default: open, the list would lie over the board's right side.
  const [open, setOpen] = useSheet('participants')
  const editor = useEditor()
  const { t } = useTranslation()
  const facilitation = useOptionalFacilitation()
  const report = facilitation?.round ? facilitation.report : null
  const [peers, setPeers] = useState(() => readPeers(awareness))
  useEffect(() => {
    const update = () => setPeers(readPeers(awareness))
    awareness.on('change', update)
    update()
    return () => awareness.off('change', update)
  }, [awareness])
  const following = useValue('following', () => editor.getInstanceState().followingUserId, [editor])

  const setLocation = (location: DeviceLocation) => {
    saveDeviceLocation(location)
    const user = (awareness.getLocalState() as { user?: object } | null)?.user ?? {}
    awareness.setLocalStateField('user', { ...user, location })
  }
  const inRoom = peers.filter((p) => p.location === 'zaal' && !p.presenter).length
  const remote = peers.filter((p) => p.location === 'afstand').length

  return (
    <>
      <InTopbar>
        <button
          type="button"
          className="wt-ui wt-participants-toggle"
          aria-expanded={open}
          aria-controls="wt-participants"
          data-testid="participants-toggle"
          onClick={() => setOpen(!open)}
        >
          {t('board.participantsShow', { count: peers.length })}
        </button>
      </InTopbar>
      <AtBoardRoot>
        <aside
          id="wt-participants"
          className="wt-ui wt-participants"
          aria-labelledby="participants-title"
          hidden={!open}
        >
          <div className="wt-row-between">
            <h2 id="participants-title">
              {t('board.participants')} <span className="wt-count">{peers.length}</span>
            </h2>
            <button type="button" className="wt-link-button" onClick={() => setOpen(false)}>
              {t('facilitation.close')}
            </button>
          </div>
          {(inRoom > 0 || remote > 0) && (
            <p className="wt-peer-summary" data-testid="location-summary">
              {t('facilitation.location.summary', { inRoom, remote })}
            </p>
          )}
          <ul>
            {peers.map((peer) => (
              <li
                key={peer.clientId}
                data-testid="participant"
                data-name={peer.name}
                data-location={peer.location ?? ''}
                data-round-done={finishedRound(report, peer)}
              >
                <span className="wt-dot" style={{ background: peer.color }} aria-hidden="true" />
                <span className="wt-peer-name">
                  {peer.name}
                  {peer.self && ` (${t('board.you')})`}
                  {peer.organisation && <span className="wt-peer-org"> · {peer.organisation}</span>}
                  <span className="wt-peer-role">
                    {' · '}
                    {peer.presenter ? t('facilitation.presenter.role') : t(`board.roleLabel.${peer.role}`)}
                  </span>
                  {peer.location && !peer.self && (
                    <span className="wt-peer-role"> · {t(`facilitation.location.${peer.location}`)}</span>
                  )}
                  {finishedRound(report, peer) && (
                    <span className="wt-peer-done"> · {t('facilitation.location.roundDone')}</span>
                  )}
                </span>
                {!peer.self && (
                  <button
                    type="button"
                    className="wt-follow"
                    aria-pressed={following === peer.userId}
                    onClick={() => {
                      if (following === peer.userId) editor.stopFollowingUser()
                      else editor.startFollowingUser(peer.userId as TLUserId)
                    }}
                  >
                    {following === peer.userId ? t('board.unfollow') : t('board.follow')}
                  </button>
                )}
                {peer.self && !peer.presenter && (
                  <fieldset className="wt-location" aria-label={t('facilitation.location.question')}>
                    {(['zaal', 'afstand'] as const).map((location) => (
                      <button
                        key={location}
                        type="button"
                        aria-pressed={peer.location === location}
                        onClick={() => setLocation(location)}
                      >
                        {t(`facilitation.location.${location}`)}
                      </button>
                    ))}
                  </fieldset>
                )}
              </li>
            ))}
          </ul>
        </aside>
      </AtBoardRoot>
    </>
  )
}

/** The awareness of the open board, for components tldraw renders in its own slots. */
export const AwarenessContext = createContext<Awareness | null>(null)

/** tldraw's share-panel slot (top right): tldraw then lays out its style panel below it. */
export function ParticipantsSharePanel() {
  const awareness = useContext(AwarenessContext)
  return awareness ? <ParticipantList awareness={awareness} /> : null
}
