import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../api/client.ts'
import type { LiveConnection } from '../../shared/LiveConnection.ts'
import { type Auth, issueParticipantKey } from '../facilitationApi.ts'
import { adoptPlacements, PENDING_SLOT } from './placementStore.ts'
import {
  legacyParticipantKey,
  loadRoundParticipant,
  type RoundParticipant,
  saveRoundParticipant,
} from './roundParticipant.ts'

const RETRY_MS = 5000
/** Answers that asking again soon cannot change (the rest — offline, server trouble — is retried). */
const REFUSALS = new Set(['PARTICIPANT_KEY_LIMIT', 'PARTICIPANT_KEY_RATE_LIMITED', 'FORBIDDEN'])

/**
 * Who fills in on this device, with a ballot key issued by the server: the stored one, or a new one asked for
 * as soon as the server can be reached (choices made meanwhile wait under a pending slot and join the ballot).
 * `refused`: the server will not issue one (the board's or this link's maximum) — retrying cannot help.
 */
export function useRoundParticipant(
  auth: Auth,
  self: { name: string; organisation: string },
  connection: LiveConnection,
) {
  const { boardId } = auth
  const [participant, setParticipant] = useState<RoundParticipant>(() => loadRoundParticipant(boardId, self))
  const [refused, setRefused] = useState(false)
  // Slots whose placements join the next key: pending ones, an older app's self-made key, a key the server refused.
  const adoptFrom = useRef<string[]>([PENDING_SLOT])
  const legacy = legacyParticipantKey()
  if (legacy && !adoptFrom.current.includes(legacy)) adoptFrom.current.push(legacy)
  const asking = useRef(false)

  useEffect(() => {
    if (participant.key !== null || refused) return
    let cancelled = false
    const ask = () => {
      if (asking.current) return
      asking.current = true
      issueParticipantKey(auth)
        .then(({ key }) => {
          if (cancelled) return
          adoptPlacements(boardId, adoptFrom.current, key)
          setParticipant((current) => {
            if (current.key !== null) return current
            const next = { ...current, key }
            saveRoundParticipant(boardId, next)
            return next
          })
        })
        .catch((e) => {
          // Offline or the server briefly unavailable: asked again below. A refusal stands.
          if (!cancelled && e instanceof ApiError && REFUSALS.has(e.code)) setRefused(true)
        })
        .finally(() => {
          asking.current = false
        })
    }
    ask()
    const unsubscribe = connection.subscribe((status) => status.kind === 'connected' && ask())
    window.addEventListener('online', ask)
    const interval = setInterval(ask, RETRY_MS)
    return () => {
      cancelled = true
      unsubscribe()
      window.removeEventListener('online', ask)
      clearInterval(interval)
    }
  }, [auth, boardId, connection, participant.key, refused])

  /** The server does not know this device's key: forget it, and let its placements join the next one. */
  const forgetKey = useCallback(() => {
    setParticipant((current) => {
      if (current.key === null || current.turn) return current
      adoptFrom.current = [...adoptFrom.current, current.key]
      return { ...current, key: null }
    })
  }, [])

  return { participant, setParticipant, refused, forgetKey }
}
