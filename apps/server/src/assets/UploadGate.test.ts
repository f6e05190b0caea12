import { describe, expect, it } from 'vitest'
import { UploadGate } from './UploadGate.ts'

describe('UploadGate', () => {
  it('[AS11] refuses uploads past maxPending and admits again once one leaves', () => {
    const gate = new UploadGate(2, 1)
    const a = gate.tryEnter()
    const b = gate.tryEnter()
    expect(a && b).toBeTruthy()
    expect(gate.tryEnter()).toBeNull()
    a?.()
    a?.() // leaving twice counts once
    expect(gate.pending).toBe(1)
    expect(gate.tryEnter()).not.toBeNull()
  })

  it('[AS11] processes at most `concurrency` at a time, in order of arrival', async () => {
    const gate = new UploadGate(10, 1)
    const order: string[] = []
    const release: Record<string, () => void> = {}
    const job = (name: string) =>
      gate.turn(async () => {
        order.push(`start ${name}`)
        await new Promise<void>((resolve) => {
          release[name] = resolve
        })
        order.push(`end ${name}`)
      })
    const first = job('a')
    const second = job('b')
    const third = job('c')
    await Promise.resolve()
    expect(order).toEqual(['start a'])
    release.a?.()
    await first
    await new Promise((resolve) => setImmediate(resolve))
    expect(order).toEqual(['start a', 'end a', 'start b'])
    release.b?.()
    await second
    await new Promise((resolve) => setImmediate(resolve))
    release.c?.()
    await third
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
  })
})
