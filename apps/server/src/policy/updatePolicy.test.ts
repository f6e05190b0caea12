import { describe, expect, it } from 'vitest'
import { judgeUpdate, NO_RESTRICTIONS, type Restrictions } from './updatePolicy.ts'

const changes = (...paths: string[]) => ({ paths: paths.map((p) => p.split('/')), unresolved: false })
const locked: Restrictions = {
  structureIds: new Set(['shape:kolommen']),
  valueCardIds: new Set(['shape:groen']),
}

describe('judgeUpdate', () => {
  it('refuses server-only facilitation state for every role, the facilitator included', () => {
    for (const role of ['facilitator', 'participant'] as const) {
      expect(judgeUpdate(role, changes('facilitation/timer'), NO_RESTRICTIONS)).toBe('SERVER_ONLY_STATE')
    }
  })

  it('allows everything else when nothing is locked', () => {
    expect(
      judgeUpdate('participant', changes('records/shape:kolommen/x', 'schema/sequences'), NO_RESTRICTIONS),
    ).toBeNull()
    expect(judgeUpdate('participant', { paths: [], unresolved: true }, NO_RESTRICTIONS)).toBeNull()
  })

  it('refuses a participant moving, resizing or deleting locked structure; the facilitator may', () => {
    for (const path of [
      'records/shape:kolommen/x',
      'records/shape:kolommen/props/w',
      'records/shape:kolommen',
    ]) {
      expect(judgeUpdate('participant', changes(path), locked)).toBe('STRUCTURE_LOCKED')
      expect(judgeUpdate('facilitator', changes(path), locked)).toBeNull()
    }
  })

  it('lets participants move and annotate locked value cards but not delete or rename them', () => {
    expect(
      judgeUpdate(
        'participant',
        changes('records/shape:groen/x', 'records/shape:groen/props/twijfel'),
        locked,
      ),
    ).toBeNull()
    expect(judgeUpdate('participant', changes('records/shape:groen'), locked)).toBe('VALUE_CARDS_LOCKED')
    expect(judgeUpdate('participant', changes('records/shape:groen/props/name'), locked)).toBe(
      'VALUE_CARDS_LOCKED',
    )
  })

  it('refuses an unresolvable update only while something is locked', () => {
    expect(judgeUpdate('participant', { paths: [], unresolved: true }, locked)).toBe(
      'UNRESOLVED_WHILE_LOCKED',
    )
  })
})
