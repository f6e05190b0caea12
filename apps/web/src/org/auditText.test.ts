import type { AuditEntry } from '@waardentafel/protocol'
import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { commonNl } from '../i18n/messages/common.ts'
import { auditText } from './auditText.ts'
import { orgNl } from './orgMessages.ts'

// The logboek's words, with the real Dutch messages: titles, roles and moves in words, never ids or English codes.

const i18n = i18next.createInstance()
beforeAll(async () => {
  await i18n.init({
    lng: 'nl',
    resources: { nl: { translation: { ...commonNl, org: orgNl } } },
    interpolation: { escapeValue: false },
  })
})
const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options ?? {})
const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  at: 0,
  actor: { id: 'o1', name: 'Anouk' },
  action: 'board.created',
  detail: {},
  ...over,
})

describe('auditText', () => {
  it('names the organiser, the action and the board', () => {
    expect(auditText(entry({ detail: { title: 'Quickscan', template: 'quickscan' } }), t)).toEqual({
      who: 'Anouk',
      what: 'bord gemaakt — “Quickscan”, met het Quickscan-sjabloon',
    })
  })

  it("says a facilitator's link acted, and which role's links, in Dutch", () => {
    const line = auditText(
      entry({
        actor: null,
        action: 'links.revoked',
        boardId: 'b1',
        detail: { role: 'participant', title: 'Sessie 1', by: 'facilitator link' },
      }),
      t,
    )
    expect(line).toEqual({
      who: 'Procesbegeleider (via link)',
      what: 'links ingetrokken — “Sessie 1”, Deelnemer',
    })
  })

  it('says from where to where a board moved, and whether a copy took the content', () => {
    expect(
      auditText(entry({ action: 'board.moved', detail: { title: 'PvW', from: 'A', to: 'B' } }), t).what,
    ).toBe('verplaatst — “PvW”, van “A” naar “B”')
    expect(
      auditText(entry({ action: 'board.duplicated', detail: { title: 'Kopie', withContent: false } }), t)
        .what,
    ).toBe('gedupliceerd — “Kopie”, zonder inhoud')
  })

  it('falls back to the system for an action without an actor, and leaves ids and unknown fields out', () => {
    expect(
      auditText(entry({ actor: null, action: 'board.purged', detail: { boardId: 'x', fields: ['a'] } }), t),
    ).toEqual({ who: 'Systeem', what: 'definitief gewist' })
  })
})
