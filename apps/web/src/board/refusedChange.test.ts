import { CloseCodes } from '@waardentafel/protocol'
import { describe, expect, it } from 'vitest'
import { isRefusedChange } from './refusedChange.ts'

describe('isRefusedChange', () => {
  it('a lock, a too large change or a cut frame restarts the board from the server copy; a presence refusal does not', () => {
    expect(isRefusedChange(CloseCodes.REFUSED_CHANGE.code, 'VALUE_CARDS_LOCKED')).toBe(true)
    expect(isRefusedChange(CloseCodes.MESSAGE_TOO_LARGE.code, 'UPDATE_TOO_LARGE')).toBe(true)
    expect(isRefusedChange(1009, '')).toBe(true)
    // The document is fine: starting it again from the server's copy changes nothing about presence.
    expect(isRefusedChange(CloseCodes.MESSAGE_TOO_LARGE.code, 'AWARENESS_TOO_LARGE')).toBe(false)
    expect(isRefusedChange(CloseCodes.GOING_AWAY.code, 'GOING_AWAY')).toBe(false)
  })
})
