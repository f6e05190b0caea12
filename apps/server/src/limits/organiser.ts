import { createHash } from 'node:crypto'

/**
 * Who counts as the organiser of a new board, for quotas. There are no organiser accounts yet: with an organiser
 * key configured, everyone holding it is one organiser (the request was already refused without it); without one,
 * the client's address is (`clientAddress`: IPv4, IPv6 /64, or the proxy's `X-Forwarded-For` entry). The key is
 * stored hashed.
 */
export function organiserOf(organiserKey: string | null, address: string): string {
  if (organiserKey) return `key:${createHash('sha256').update(organiserKey).digest('base64url').slice(0, 22)}`
  return `addr:${address}`
}
