import type { Placement, RoundClass } from '@waardentafel/protocol'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../api.ts'
import type { BoardConnection } from '../../board/BoardConnection.ts'
import { type Auth, getRoundReport, putPlacements } from '../facilitationApi.ts'
import { loadPlacements, mergePlacements, storePlacements } from './placementStore.ts'
import type { RoundParticipant } from './roundParticipant.ts'

export type SyncState = 'loading' | 'saved' | 'saving' | 'pending' | 'closed'

const RETRY_MS = 5000

/**
 * One participant's placements in one round: kept on the device, restored from the server's copy (`mine`)
 * on any device, and sent whenever the server can be reached — again on reconnect, and every few seconds
 * while it cannot. `at` is the moment of the choice (server clock), so the latest choice wins across devices.
 */
export function usePlacements(
  auth: Auth,
  roundId: string,
  participant: RoundParticipant,
  connection: BoardConnection,
  clockOffset: number,
) {
  const { boardId } = auth
  const [placements, setPlacements] = useState<Placement[]>(
    () => loadPlacements(boardId, roundId, participant.key).placements,
  )
  const [sync, setSync] = useState<SyncState>('loading')
  const dirty = useRef(false)
  const version = useRef(0)
  const inFlight = useRef(false)
  const current = useRef(placements)
  const participantRef = useRef(participant)
  participantRef.current = participant

  const save = useCallback(
    (next: Placement[], isDirty: boolean) => {
      current.current = next
      dirty.current = isDirty
      setPlacements(next)
      storePlacements(boardId, roundId, participant.key, { placements: next, dirty: isDirty })
    },
    [boardId, roundId, participant.key],
  )

  const flush = useCallback(async () => {
    if (!dirty.current || inFlight.current) return
    inFlight.current = true
    const sent = version.current
    setSync('saving')
    try {
      const { key, name, organisation } = participantRef.current
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
    } finally {
      inFlight.current = false
    }
    if (dirty.current && version.current !== sent) void flush()
  }, [auth, boardId, roundId])

  // On opening (or another person's turn): local copy merged with the server's, then send what it lacks.
  useEffect(() => {
    let cancelled = false
    const local = loadPlacements(boardId, roundId, participant.key)
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
      .catch(() => !cancelled && setSync(dirty.current ? 'pending' : 'saved'))
    return () => {
      cancelled = true
    }
  }, [auth, boardId, roundId, participant.key, save, flush])

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
