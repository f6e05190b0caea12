import { createContext, useContext, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type TLUserId, useEditor, useValue } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { z } from 'zod'

// Awareness states come from other browsers: parsed, never trusted.
const PeerSchema = z.object({
  user: z.object({
    name: z.string().max(200),
    organisation: z.string().max(200).default(''),
    role: z.enum(['facilitator', 'participant', 'observer']),
    userId: z.string().max(100),
    color: z.string().max(20),
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

/** Who is on the board now, with a follow button per person (tldraw's own follow, fed by presence). */
export function ParticipantList({ awareness }: { awareness: Awareness }) {
  const editor = useEditor()
  const { t } = useTranslation()
  const [peers, setPeers] = useState(() => readPeers(awareness))
  useEffect(() => {
    const update = () => setPeers(readPeers(awareness))
    awareness.on('change', update)
    update()
    return () => awareness.off('change', update)
  }, [awareness])
  const following = useValue('following', () => editor.getInstanceState().followingUserId, [editor])

  return (
    <aside className="wt-ui wt-participants" aria-labelledby="participants-title">
      <h2 id="participants-title">
        {t('board.participants')} <span className="wt-count">{peers.length}</span>
      </h2>
      <ul>
        {peers.map((peer) => (
          <li key={peer.clientId} data-testid="participant" data-name={peer.name}>
            <span className="wt-dot" style={{ background: peer.color }} aria-hidden="true" />
            <span className="wt-peer-name">
              {peer.name}
              {peer.self && ` (${t('board.you')})`}
              {peer.organisation && <span className="wt-peer-org"> · {peer.organisation}</span>}
              <span className="wt-peer-role"> · {t(`board.roleLabel.${peer.role}`)}</span>
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
          </li>
        ))}
      </ul>
    </aside>
  )
}

/** The awareness of the open board, for components tldraw renders in its own slots. */
export const AwarenessContext = createContext<Awareness | null>(null)

/** tldraw's share-panel slot (top right): tldraw then lays out its style panel below it. */
export function ParticipantsSharePanel() {
  const awareness = useContext(AwarenessContext)
  return awareness ? <ParticipantList awareness={awareness} /> : null
}
