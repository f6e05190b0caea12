import { describe, expect, it } from 'vitest'
import { ImportGate } from './ImportGate.ts'

describe('ImportGate', () => {
  it('admits up to max imports and refuses one more until one leaves', () => {
    const gate = new ImportGate(2)
    const a = gate.tryEnter()
    const b = gate.tryEnter()
    expect(a).not.toBeNull()
    expect(b).not.toBeNull()
    expect(gate.tryEnter()).toBeNull()
    a?.()
    a?.() // releasing twice frees one place, not two
    expect(gate.pending).toBe(1)
    expect(gate.tryEnter()).not.toBeNull()
    expect(gate.tryEnter()).toBeNull()
  })
})
