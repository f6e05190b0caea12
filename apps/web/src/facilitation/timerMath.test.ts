import { describe, expect, it } from 'vitest'
import { formatClock, remainingMs } from './timerMath.ts'

describe('timer arithmetic', () => {
  it('counts down a running timer from its server end time and never below zero', () => {
    const timer = { status: 'running' as const, durationMs: 60_000, endsAt: 100_000, remainingMs: 60_000 }
    expect(remainingMs(timer, 70_000)).toBe(30_000)
    expect(remainingMs(timer, 120_000)).toBe(0)
  })
  it('shows what was left when paused, and the full duration when idle', () => {
    expect(remainingMs({ status: 'paused', durationMs: 60_000, endsAt: null, remainingMs: 12_345 }, 0)).toBe(
      12_345,
    )
    expect(remainingMs({ status: 'idle', durationMs: 0, endsAt: null, remainingMs: 0 }, 0)).toBe(0)
  })
  it('formats mm:ss rounding up, so 00:00 means the time is really up', () => {
    expect(formatClock(600_000)).toBe('10:00')
    expect(formatClock(59_001)).toBe('01:00')
    expect(formatClock(999)).toBe('00:01')
    expect(formatClock(0)).toBe('00:00')
    expect(formatClock(100 * 60_000)).toBe('100:00')
  })
})
