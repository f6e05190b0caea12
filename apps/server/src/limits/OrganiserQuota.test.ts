import { describe, expect, it } from 'vitest'
import { quotaRefusal } from './OrganiserQuota.ts'

describe('quotaRefusal', () => {
  const limits = { boards: 3, storageBytes: 1000 }
  it('lets a board through while both quotas hold', () => {
    expect(quotaRefusal({ boards: 2, bytes: 500 }, limits, 500)).toBeNull()
    expect(
      quotaRefusal({ boards: 99, bytes: 10 ** 9 }, { boards: null, storageBytes: null }, 10 ** 9),
    ).toBeNull()
  })
  it('refuses board N+1 with QUOTA_BOARDS', () => {
    expect(quotaRefusal({ boards: 3, bytes: 0 }, limits, 0)?.code).toBe('QUOTA_BOARDS')
  })
  it('refuses a board that would take the stored bytes past the quota with QUOTA_STORAGE (413)', () => {
    const refusal = quotaRefusal({ boards: 0, bytes: 600 }, limits, 401)
    expect(refusal?.code).toBe('QUOTA_STORAGE')
    expect(refusal?.status).toBe(413)
  })
})
