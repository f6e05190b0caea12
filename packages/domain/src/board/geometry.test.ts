import { describe, expect, it } from 'vitest'
import { applyTransform, columnAt, composeTransforms, toLocal } from './geometry.ts'

describe('geometry', () => {
  it('composes a rotated parent with a child offset', () => {
    const parent = { x: 100, y: 0, rotation: Math.PI / 2 }
    const child = { x: 10, y: 0, rotation: 0 }
    const page = composeTransforms(parent, child)
    expect(page.x).toBeCloseTo(100)
    expect(page.y).toBeCloseTo(10)
    expect(page.rotation).toBeCloseTo(Math.PI / 2)
    expect(applyTransform(page, { x: 5, y: 0 }).y).toBeCloseTo(15)
  })

  it('toLocal inverts applyTransform', () => {
    const t = { x: 37, y: -12, rotation: 0.7 }
    const local = toLocal(t, applyTransform(t, { x: 123, y: 45 }))
    expect(local.x).toBeCloseTo(123)
    expect(local.y).toBeCloseTo(45)
  })

  it('puts a point on a column edge in the column to its right, and the right edge in the last column', () => {
    expect(columnAt({ x: 99.999, y: 1 }, 400, 100, 4)).toBe(0)
    expect(columnAt({ x: 100, y: 1 }, 400, 100, 4)).toBe(1)
    expect(columnAt({ x: 100 - 1e-12, y: 1 }, 400, 100, 4)).toBe(1)
    expect(columnAt({ x: 400, y: 1 }, 400, 100, 4)).toBe(3)
    expect(columnAt({ x: 401, y: 1 }, 400, 100, 4)).toBeNull()
    expect(columnAt({ x: 10, y: -1 }, 400, 100, 4)).toBeNull()
  })
})
