import { z } from 'zod'

const IdentitySchema = z.object({
  name: z.string().trim().min(1).max(80),
  organisation: z.string().trim().max(80),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  userId: z.string().min(8).max(64),
})
export type Identity = z.infer<typeof IdentitySchema>

const KEY = 'waardentafel.identity'
// Distinguishable colours with enough contrast against the canvas for cursors and name tags.
const COLORS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#bc6c00',
  '#17becf',
  '#4b4b9b',
]

/** The name and organisation given once on this device; null until given. */
export function loadIdentity(): Identity | null {
  try {
    const parsed = IdentitySchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? 'null'))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function saveIdentity(name: string, organisation: string): Identity {
  const previous = loadIdentity()
  const identity: Identity = {
    name: name.trim(),
    organisation: organisation.trim(),
    color: previous?.color ?? COLORS[Math.floor(Math.random() * COLORS.length)] ?? '#1f77b4',
    userId: previous?.userId ?? crypto.randomUUID(),
  }
  try {
    localStorage.setItem(KEY, JSON.stringify(identity))
  } catch {
    // Storage refused (private mode): the identity lasts for this page.
  }
  return identity
}

/** Observers need no name; they get an anonymous identity that is not stored. */
export function anonymousIdentity(label: string): Identity {
  return { name: label, organisation: '', color: '#6b6b6b', userId: crypto.randomUUID() }
}
