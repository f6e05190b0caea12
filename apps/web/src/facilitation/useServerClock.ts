import { useEffect, useState } from 'react'
import { getSession } from '../api/boards.ts'

/**
 * How far the server's clock is ahead of this device's (ms). The timer's end is a server time, so a device
 * whose clock is a minute off would otherwise show a minute too much or too little. Measured once with the
 * round trip halved; until then the session's own serverTime is the estimate.
 */
export function useServerClock(boardId: string, token: string, initialServerTime?: number): number {
  const [offset, setOffset] = useState(() => (initialServerTime ? initialServerTime - Date.now() : 0))
  useEffect(() => {
    let cancelled = false
    const sent = Date.now()
    getSession(boardId, token)
      .then((session) => {
        const received = Date.now()
        if (!cancelled && session.serverTime) setOffset(session.serverTime - (sent + received) / 2)
      })
      .catch(() => {
        // Offline: keep the estimate; the timer is then as right as this device's clock.
      })
    return () => {
      cancelled = true
    }
  }, [boardId, token])
  return offset
}
