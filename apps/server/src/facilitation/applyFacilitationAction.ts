import {
  FACILITATION_MAP,
  type FacilitationAction,
  PrivateModeSchema,
  type Round,
  RoundSchema,
  type Summon,
  SummonSchema,
  type Timer,
  TimerSchema,
} from '@waardentafel/protocol'
import type * as Y from 'yjs'
import { z } from 'zod'
import { AppError } from '../errors.ts'

const IDLE: Timer = { status: 'idle', durationMs: 0, endsAt: null, remainingMs: 0 }

/** The outcome of an action, for the HTTP answer. */
export type ActionResult = { roundId?: string }

/**
 * Applies one facilitator action to the doc's facilitation map (pure: doc in, doc changed; `now` and new ids
 * injected). Throws ROUND_NOT_FOUND for an unknown round.
 */
export function applyFacilitationAction(
  doc: Y.Doc,
  action: FacilitationAction,
  now: number,
  newId: () => string,
): ActionResult {
  const map = doc.getMap<unknown>(FACILITATION_MAP)
  const rounds = () => {
    const parsed = z.record(z.string(), RoundSchema).safeParse(map.get('rounds') ?? {})
    return parsed.success ? parsed.data : {}
  }
  const withRound = (roundId: string, change: (round: Round) => Round): ActionResult => {
    const all = rounds()
    const round = all[roundId]
    if (!round) throw new AppError('ROUND_NOT_FOUND', `no round ${roundId}`)
    map.set('rounds', { ...all, [roundId]: change(round) })
    return { roundId }
  }
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
      return {}
    case 'timer.pause':
      if (timer.status === 'running' && timer.endsAt !== null) {
        map.set('timer', {
          ...timer,
          status: 'paused',
          endsAt: null,
          remainingMs: Math.max(0, timer.endsAt - now),
        })
      }
      return {}
    case 'timer.resume':
      if (timer.status === 'paused')
        map.set('timer', { ...timer, status: 'running', endsAt: now + timer.remainingMs })
      return {}
    case 'timer.reset':
      map.set('timer', IDLE)
      return {}
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
      return {}
    }
    case 'followMe':
      map.set('followMe', { userId: action.userId, name: action.name })
      return {}
    case 'followMe.stop':
      map.set('followMe', null)
      return {}
    case 'lock':
      map.set('lock', { structure: action.structure, valueCards: action.valueCards })
      return {}
    case 'privateMode': {
      const current = PrivateModeSchema.safeParse(map.get('privateMode'))
      map.set('privateMode', { on: action.on, revealSeq: current.success ? current.data.revealSeq : 0 })
      return {}
    }
    case 'privateMode.reveal': {
      const current = PrivateModeSchema.safeParse(map.get('privateMode'))
      const state = current.success ? current.data : { on: false, revealSeq: 0 }
      map.set('privateMode', { ...state, revealSeq: state.revealSeq + 1 })
      return {}
    }
    case 'round.open': {
      const round: Round = {
        id: newId(),
        title: action.title,
        deadline: action.deadline,
        anonymous: action.anonymous,
        visibleBeforeClose: action.visibleBeforeClose,
        prioriteringId: action.prioriteringId,
        status: 'open',
        openedAt: now,
        closedAt: null,
        adoption: null,
      }
      map.set('rounds', { ...rounds(), [round.id]: round })
      return { roundId: round.id }
    }
    case 'round.close':
      return withRound(action.roundId, (r) =>
        r.status === 'closed' ? r : { ...r, status: 'closed', closedAt: now },
      )
    case 'round.adopt':
      return withRound(action.roundId, (r) => ({ ...r, adoption: { by: action.by, at: now } }))
  }
}
