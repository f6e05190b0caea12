import type { AuditEntry } from '@waardentafel/protocol'

type T = (key: string, options?: Record<string, unknown>) => string

/**
 * One logboek line as a person reads it: who (an organiser by name, the facilitator's link, or the system), what
 * (the action in words) and the detail that matters — titles, the role of a link, from where to where — never ids.
 */
export function auditText(entry: AuditEntry, t: T): { who: string; what: string } {
  const d = entry.detail
  const text = (key: string): string | null => {
    const value = d[key]
    return typeof value === 'string' && value.trim() !== '' ? value : null
  }
  const who =
    entry.actor?.name ?? (text('by') === 'facilitator link' ? t('org.audit.byLink') : t('org.audit.system'))
  const parts: string[] = []
  const title = text('title') ?? text('name')
  if (title) parts.push(`“${title}”`)
  const role = text('role')
  if (role) parts.push(t(`home.role.${role}`, { defaultValue: role }))
  const from = text('from')
  const to = text('to')
  if (from && to) parts.push(t('org.audit.fromTo', { from, to }))
  else if (to) parts.push(t('org.audit.to', { to }))
  if (text('template') === 'quickscan') parts.push(t('org.audit.quickscan'))
  if (typeof d.withContent === 'boolean')
    parts.push(d.withContent ? t('org.audit.withContent') : t('org.audit.withoutContent'))
  const action = t(`org.audit.action.${entry.action.replace('.', '_')}`, { defaultValue: entry.action })
  return { who, what: parts.length > 0 ? `${action} — ${parts.join(', ')}` : action }
}
