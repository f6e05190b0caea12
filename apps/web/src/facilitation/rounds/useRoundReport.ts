import type { Round, RoundReport } from '@waardentafel/protocol'
import { useCallback, useEffect, useRef, useState } from 'react'
import { type Auth, getRoundReport } from '../facilitationApi.ts'

/** How often an open round's report is fetched again: placements reach the server, not the shared doc. */
const POLL_MS = 4000

/**
 * A round's report as this role may see it, fetched again while the round is open and whenever the round's
 * own state changes (closed, adopted). Null until the first answer.
 */
export function useRoundReport(
  auth: Auth,
  round: Round | null,
  participantKey: string | null = null,
): { report: RoundReport | null; refresh: () => void; failed: boolean } {
  const [report, setReport] = useState<RoundReport | null>(null)
  const [failed, setFailed] = useState(false)
  const latest = useRef(0)
  const roundId = round?.id ?? null
  const { boardId, token } = auth

  const refresh = useCallback(() => {
    if (!roundId) return
    const ask = ++latest.current
    getRoundReport({ boardId, token }, roundId, participantKey)
      .then((next) => {
        if (ask !== latest.current) return
        setReport(next)
        setFailed(false)
      })
      .catch(() => ask === latest.current && setFailed(true))
  }, [boardId, token, roundId, participantKey])

  const status = round?.status
  const adoptedAt = round?.adoption?.at
  // biome-ignore lint/correctness/useExhaustiveDependencies: a closed or adopted round is fetched once more
  useEffect(() => {
    if (!roundId) return
    refresh()
    if (status !== 'open') return
    const interval = setInterval(refresh, POLL_MS)
    const onFocus = () => refresh()
    window.addEventListener('focus', onFocus)
    return () => {
      clearInterval(interval)
      window.removeEventListener('focus', onFocus)
    }
  }, [roundId, status, adoptedAt, refresh])

  return { report: roundId && report?.round.id === roundId ? report : null, refresh, failed }
}
