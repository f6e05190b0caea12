import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * scrypt's cost: N = 2^16, r = 8 (64 MiB and ~0.2 s a hash on a small server), p = 1. Stored with each hash, so
 * raising it here upgrades every password at its owner's next sign-in (`needsRehash`) while old hashes still verify.
 */
export const PASSWORD_COST = { logN: 16, r: 8, p: 1 } as const
type Cost = { logN: number; r: number; p: number }

const KEY_BYTES = 32
const SALT_BYTES = 16
/** Hashes outside these bounds are refused unread: a tampered row must not make the server allocate gigabytes. */
const MAX_LOG_N = 20
const MAX_R = 32
const MAX_P = 4

function derive(password: string, salt: Buffer, cost: Cost): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** cost.logN,
    r: cost.r,
    p: cost.p,
    // scrypt needs 128·N·r bytes; Node refuses above 32 MiB unless told.
    maxmem: 128 * 2 ** cost.logN * cost.r * cost.p + 1024 * 1024,
  }
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

/** `scrypt$<logN>$<r>$<p>$<salt>$<hash>` (base64url), with a fresh salt per password. */
export async function hashPassword(password: string, cost: Cost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, cost)
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  )
}

type Parsed = { cost: Cost; salt: Buffer; key: Buffer }

function parse(stored: string): Parsed | null {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null
  const [logN, r, p] = parts.slice(1, 4).map((n) => (/^\d{1,2}$/.test(n ?? '') ? Number(n) : Number.NaN))
  if (!logN || !r || !p || logN > MAX_LOG_N || r > MAX_R || p > MAX_P) return null
  const salt = Buffer.from(parts[4] ?? '', 'base64url')
  const key = Buffer.from(parts[5] ?? '', 'base64url')
  if (salt.length < 8 || key.length !== KEY_BYTES) return null
  return { cost: { logN, r, p }, salt, key }
}

/** Whether `password` matches `stored`, compared in constant time; false for anything that is not such a hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored)
  if (!parsed) return false
  const key = await derive(password, parsed.salt, parsed.cost)
  return timingSafeEqual(key, parsed.key)
}

/** A hash made with a lower cost than today's. */
export function needsRehash(stored: string, cost: Cost = PASSWORD_COST): boolean {
  const parsed = parse(stored)
  if (!parsed) return true
  return parsed.cost.logN < cost.logN || parsed.cost.r < cost.r || parsed.cost.p < cost.p
}

/**
 * Spends the time of one verification for a sign-in with an unknown email, so the answer's timing does not tell
 * which emails have accounts.
 */
export async function verifyNobody(password: string): Promise<false> {
  await derive(password, DUMMY_SALT, PASSWORD_COST)
  return false
}
const DUMMY_SALT = randomBytes(SALT_BYTES)

/** A password for the local account when none is configured: 24 characters, ~143 bits. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url')
}
