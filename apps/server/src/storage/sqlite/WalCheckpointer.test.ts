import { describe, expect, it } from 'vitest'
import { checkpointDue, DEFAULT_CHECKPOINT_POLICY } from './WalCheckpointer.ts'

describe('checkpointDue', () => {
  const policy = DEFAULT_CHECKPOINT_POLICY

  it('waits while little was written, however long ago the last checkpoint was — unless the interval is over', () => {
    expect(checkpointDue(policy, 10, 1_000)).toBe(false)
    expect(checkpointDue(policy, policy.pages - 1, policy.maxIntervalMs - 1)).toBe(false)
    expect(checkpointDue(policy, 1, policy.maxIntervalMs)).toBe(true)
  })

  it('checkpoints once enough pages were written, however recent the last one', () => {
    expect(checkpointDue(policy, policy.pages, 0)).toBe(true)
  })

  it('never checkpoints a log nothing was written to', () => {
    expect(checkpointDue(policy, 0, 10 * policy.maxIntervalMs)).toBe(false)
  })
})
