import {
  FACILITATION_MAP,
  type FacilitationAction,
  type Summon,
  SummonSchema,
  type Timer,
  TimerSchema,
} from '@waardentafel/protocol'
import type * as Y from 'yjs'

const IDLE: Timer = { status: 'idle', durationMs: 0, endsAt: null, remainingMs: 0 }

/** Applies one facilitator action to the doc's facilitation map (pure: doc in, doc changed; `now` injected). */
export function applyFacilitationAction(doc: Y.Doc, action: FacilitationAction, now: number): void {
  const map = doc.getMap<unknown>(FACILITATION_MAP)
  const parsedTimer = TimerSchema.safeParse(map.get('timer'))
  const timer = parsedTimer.success ? parsedTimer.data : IDLE
  switch (action.action) {
    case 'timer.start':
      map.set('timer', {
        status: 'running',
        durationMs: action.durationMs,
        endsAt: now + action.durationMs,
        remainingMs: action.durationMs,
      })
      return
    case 'timer.pause':
      if (timer.status === 'running' && timer.endsAt !== null) {
        map.set('timer', {
          ...timer,
          status: 'paused',
          endsAt: null,
          remainingMs: Math.max(0, timer.endsAt - now),
        })
      }
      return
    case 'timer.resume':
      if (timer.status === 'paused')
        map.set('timer', { ...timer, status: 'running', endsAt: now + timer.remainingMs })
      return
    case 'timer.reset':
      map.set('timer', IDLE)
      return
    case 'summon': {
      const previous = SummonSchema.safeParse(map.get('summon'))
      const summon: Summon = {
        seq: (previous.success ? previous.data.seq : 0) + 1,
        pageId: action.pageId,
        x: action.x,
        y: action.y,
        z: action.z,
        by: action.by,
      }
      map.set('summon', summon)
      return
    }
    case 'followMe':
      map.set('followMe', { userId: action.userId, name: action.name })
      return
    case 'followMe.stop':
      map.set('followMe', null)
      return
    case 'lock':
      map.set('lock', { structure: action.structure, valueCards: action.valueCards })
      return
  }
}
