import type { OrganiserRecord, OrganiserSessionRecord, SignInFlowRecord } from './ports/OrganiserStore.ts'

// Organiser rows as both backends return them (column names as in the adapters' tables), read into the port's types.

export function organiserRow(row: Record<string, unknown> | undefined): OrganiserRecord | null {
  if (!row) return null
  const issuer = row.oidc_issuer
  const subject = row.oidc_subject
  return {
    id: String(row.id),
    name: String(row.name),
    email: row.email === null || row.email === undefined ? null : String(row.email),
    passwordHash:
      row.password_hash === null || row.password_hash === undefined ? null : String(row.password_hash),
    oidc: typeof issuer === 'string' && typeof subject === 'string' ? { issuer, subject } : null,
    createdAt: Number(row.created_at),
  }
}

export function organiserSessionRow(row: Record<string, unknown> | undefined): OrganiserSessionRecord | null {
  if (!row) return null
  return {
    id: String(row.id),
    organiserId: String(row.organiser_id),
    csrfToken: String(row.csrf_token),
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
    expiresAt: Number(row.expires_at),
  }
}

export function signInFlowRow(row: Record<string, unknown> | undefined): SignInFlowRecord | null {
  if (!row) return null
  return {
    id: String(row.id),
    codeVerifier: String(row.code_verifier),
    nonce: String(row.nonce),
    returnTo: String(row.return_to),
    expiresAt: Number(row.expires_at),
  }
}
