import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decide, decideMove, type OrgAction, type Standing } from './access.ts'

const actions: OrgAction[] = ['read', 'work', 'manage']
const role = fc.constantFrom('owner' as const, 'member' as const, null)
const standing: fc.Arbitrary<Standing> = fc.oneof(
  role.map((r) => ({ kind: 'workspace' as const, role: r })),
  fc.boolean().map((isMaker) => ({ kind: 'unplaced' as const, isMaker })),
)

/** A small world: workspaces with members, boards in them or unplaced with a maker; the standing follows from it. */
const world = fc.record({
  organisers: fc.constant(['anna', 'bram', 'cas']),
  memberships: fc.array(
    fc.record({
      ws: fc.integer({ min: 0, max: 2 }),
      who: fc.constantFrom('anna', 'bram', 'cas'),
      owner: fc.boolean(),
    }),
    { maxLength: 6 },
  ),
  boards: fc.array(
    fc.record({
      ws: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
      maker: fc.constantFrom('anna', 'bram', 'cas'),
    }),
    { minLength: 1, maxLength: 6 },
  ),
})

describe('access policy', () => {
  it('[OW7] a stranger gets 404 for everything of a workspace; only owners manage; unplaced boards are their maker’s', () => {
    fc.assert(
      fc.property(
        world,
        fc.constantFrom('anna', 'bram', 'cas'),
        fc.constantFrom(...actions),
        (w, who, action) => {
          const roleIn = (ws: number) => {
            const mine = w.memberships.filter((m) => m.ws === ws && m.who === who)
            if (mine.length === 0) return null
            return mine.some((m) => m.owner) ? ('owner' as const) : ('member' as const)
          }
          for (const board of w.boards) {
            const s: Standing =
              board.ws === null
                ? { kind: 'unplaced', isMaker: board.maker === who }
                : { kind: 'workspace', role: roleIn(board.ws) }
            const d = decide(s, action)
            const seen = board.ws === null ? board.maker === who : roleIn(board.ws) !== null
            // Absent exactly when the organiser has no standing: never a 403 that would reveal existence.
            expect(d === 'absent').toBe(!seen)
            if (action === 'manage' && d === 'allow')
              expect(board.ws !== null && roleIn(board.ws) === 'owner').toBe(true)
            if (seen && action !== 'manage') expect(d).toBe('allow')
          }
        },
      ),
      { numRuns: 2000, seed: 17 },
    )
  })

  it('[OW7] owners may do all a member may, members all a stranger may', () => {
    const rank = { absent: 0, forbidden: 1, allow: 2 } as const
    for (const action of actions) {
      const owner = decide({ kind: 'workspace', role: 'owner' }, action)
      const member = decide({ kind: 'workspace', role: 'member' }, action)
      const stranger = decide({ kind: 'workspace', role: null }, action)
      expect(rank[owner]).toBeGreaterThanOrEqual(rank[member])
      expect(rank[member]).toBeGreaterThanOrEqual(rank[stranger])
    }
  })

  it('[OW7] a move is allowed only with work on both ends, and says absent before forbidden', () => {
    fc.assert(
      fc.property(standing, standing, (from, to) => {
        const d = decideMove(from, to)
        if (d === 'allow') {
          expect(decide(from, 'work')).toBe('allow')
          expect(decide(to, 'work')).toBe('allow')
        }
        if (decide(from, 'work') === 'absent') expect(d).toBe('absent')
      }),
      { numRuns: 500, seed: 20 },
    )
  })
})
