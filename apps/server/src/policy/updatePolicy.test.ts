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
      // The workshop details come from an import only: nobody rewrites who took part from a client.
      expect(judgeUpdate(role, changes('workshop/details'), NO_RESTRICTIONS)).toBe('SERVER_ONLY_STATE')
      expect(judgeUpdate(role, changes('setup/template'), NO_RESTRICTIONS)).toBe('SERVER_ONLY_STATE')
    }
  })

  it('allows everything else when nothing is locked', () => {
    expect(
      judgeUpdate('participant', changes('records/shape:kolommen/x', 'schema/sequences'), NO_RESTRICTIONS),
    ).toBeNull()
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

  it('[W3] lets participants annotate locked value cards but not move, resize, delete or rename them', () => {
    expect(
      judgeUpdate(
        'participant',
        changes(
          'records/shape:groen/props/twijfel',
          'records/shape:groen/props/ambitions',
          'records/shape:groen/props/scoreCurrent',
          'records/shape:groen/meta/note',
        ),
        locked,
      ),
    ).toBeNull()
    for (const path of [
      'records/shape:groen',
      'records/shape:groen/x',
      'records/shape:groen/y',
      'records/shape:groen/parentId',
      'records/shape:groen/index',
      'records/shape:groen/rotation',
      'records/shape:groen/type',
      'records/shape:groen/props',
      'records/shape:groen/props/w',
      'records/shape:groen/props/name',
      'records/shape:groen/props/valueKey',
      'records/shape:groen/meta',
    ]) {
      expect(judgeUpdate('participant', changes(path), locked), path).toBe('VALUE_CARDS_LOCKED')
      expect(judgeUpdate('facilitator', changes(path), locked), path).toBeNull()
    }
  })

  it('[W2] refuses an update it cannot trace, for every role, locked or not', () => {
    for (const role of ['facilitator', 'participant'] as const) {
      for (const restrictions of [NO_RESTRICTIONS, locked]) {
        expect(judgeUpdate(role, { paths: [], unresolved: true }, restrictions)).toBe('UNRESOLVED')
      }
    }
  })
})
