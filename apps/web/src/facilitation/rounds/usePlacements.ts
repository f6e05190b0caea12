import type { Placement, RoundClass } from '@waardentafel/protocol'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../api/client.ts'
import type { LiveConnection } from '../../shared/LiveConnection.ts'
import { type Auth, getRoundReport, putPlacements } from '../facilitationApi.ts'
import { loadPlacements, mergePlacements, PENDING_SLOT, storePlacements } from './placementStore.ts'
import type { RoundParticipant } from './roundParticipant.ts'

export type SyncState = 'loading' | 'saved' | 'saving' | 'pending' | 'closed'

const RETRY_MS = 5000

/**
 * One participant's placements in one round: kept on the device, restored from the server's copy (`mine`)
 * on any device, and sent whenever the server can be reached — again on reconnect, and every few seconds
 * while it cannot. `at` is the moment of the choice (server clock), so the latest choice wins across devices.
 * Without a ballot key yet (issued by the server), choices wait on the device under a pending slot.
 * `onUnknownKey`: the server does not know this key (e.g. a key from before keys were issued by the server).
 */
export function usePlacements(
  auth: Auth,
  roundId: string,
  participant: RoundParticipant,
  connection: LiveConnection,
  clockOffset: number,
  onUnknownKey: () => void,
) {
  const { boardId } = auth
  const slot = participant.key ?? PENDING_SLOT
  const [placements, setPlacements] = useState<Placement[]>(
    () => loadPlacements(boardId, roundId, slot).placements,
  )
  const [sync, setSync] = useState<SyncState>('loading')
  const dirty = useRef(false)
  const version = useRef(0)
  const inFlight = useRef(false)
  const current = useRef(placements)
  const participantRef = useRef(participant)
  participantRef.current = participant
  const unknownKey = useRef(onUnknownKey)
  unknownKey.current = onUnknownKey

  const save = useCallback(
    (next: Placement[], isDirty: boolean) => {
      current.current = next
      dirty.current = isDirty
      setPlacements(next)
      storePlacements(boardId, roundId, slot, { placements: next, dirty: isDirty })
    },
    [boardId, roundId, slot],
  )

  const flush = useCallback(async () => {
    if (!dirty.current || inFlight.current) return
    if (participantRef.current.key === null) return setSync('pending')
    inFlight.current = true
    const sent = version.current
    setSync('saving')
    try {
      const { name, organisation } = participantRef.current
      const key = participantRef.current.key ?? ''
      await putPlacements(auth, roundId, {
        participant: { key, name: name || '—', organisation },
        placements: current.current,
      })
      // A choice made while this request was under way is still to be sent.
      if (version.current === sent) {
        dirty.current = false
        storePlacements(boardId, roundId, key, { placements: current.current, dirty: false })
        setSync('saved')
      }
    } catch (e) {
      setSync(e instanceof ApiError && e.code === 'ROUND_CLOSED' ? 'closed' : 'pending')
      if (e instanceof ApiError && e.code === 'PARTICIPANT_KEY_UNKNOWN') unknownKey.current()
    } finally {
      inFlight.current = false
    }
    if (dirty.current && version.current !== sent) void flush()
  }, [auth, boardId, roundId])

  // On opening (or another person's turn): local copy merged with the server's, then send what it lacks.
  useEffect(() => {
    let cancelled = false
    const local = loadPlacements(boardId, roundId, slot)
    save(local.placements, local.dirty)
    setSync('loading')
    getRoundReport(auth, roundId, participant.key)
      .then((report) => {
        if (cancelled) return
        const { merged, serverBehind } = mergePlacements(current.current, report.mine)
        save(merged, serverBehind || dirty.current)
        if (report.round.status === 'closed') setSync('closed')
        else if (dirty.current) void flush()
        else setSync('saved')
      })
      .catch((e) => {
        if (cancelled) return
        setSync(dirty.current ? 'pending' : 'saved')
        if (e instanceof ApiError && e.code === 'PARTICIPANT_KEY_UNKNOWN') unknownKey.current()
      })
    return () => {
      cancelled = true
    }
  }, [auth, boardId, roundId, slot, participant.key, save, flush])

  // Retry: when the board reconnects, when the browser is back online, and on a slow timer meanwhile.
  useEffect(() => {
    const retry = () => void flush()
    const unsubscribe = connection.subscribe((status) => status.kind === 'connected' && retry())
    window.addEventListener('online', retry)
    const interval = setInterval(() => dirty.current && retry(), RETRY_MS)
    return () => {
      unsubscribe()
      window.removeEventListener('online', retry)
      clearInterval(interval)
    }
  }, [connection, flush])

  const choose = useCallback(
    (valueId: string, change: { klasse?: RoundClass; twijfel?: boolean }) => {
      const previous = current.current.find((p) => p.valueId === valueId)
      const klasse = change.klasse ?? previous?.klasse
      // Doubt alone is no placement: it rides along once a class is chosen.
      if (!klasse) return
      const placement: Placement = {
        valueId,
        klasse,
        twijfel: change.twijfel ?? previous?.twijfel ?? false,
        at: Math.round(Date.now() + clockOffset),
      }
      version.current++
      save([...current.current.filter((p) => p.valueId !== valueId), placement], true)
      void flush()
    },
    [clockOffset, save, flush],
  )

  return { placements, sync, choose }
}
