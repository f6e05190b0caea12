import type { Member, Workspace, WorkspaceRole } from '@waardentafel/protocol'
import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { useOrgError } from './OrgContext.ts'
import { addMember, listMembers, removeMember } from './orgApi.ts'

/**
 * Who is in the workspace. Its owners add colleagues by the e-mail address they sign in with (someone who has
 * signed in once), and remove them; a workspace keeps at least one owner (the server refuses otherwise).
 */
export function MembersPanel({ workspace, organiserId }: { workspace: Workspace; organiserId: string }) {
  const { t } = useTranslation()
  const errorText = useOrgError()
  const [open, setOpen] = useState(false)
  const [members, setMembers] = useState<readonly Member[] | null>(null)
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<WorkspaceRole>('member')
  const [confirming, setConfirming] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const owner = workspace.role === 'owner'

  const load = useCallback(() => {
    listMembers(workspace.id)
      .then(setMembers)
      .catch((e) => setError(errorText(e)))
  }, [workspace.id, errorText])

  useEffect(() => {
    setMembers(null)
    setStatus(null)
    setError(null)
    if (open) load()
  }, [open, load])

  const refusal = (e: unknown, conflict: string) =>
    e instanceof ApiError && e.code === 'NOT_FOUND'
      ? t('org.members.unknown')
      : e instanceof ApiError && e.code === 'CONFLICT'
        ? conflict
        : errorText(e)

  async function add(event: FormEvent) {
    event.preventDefault()
    setError(null)
    setStatus(null)
    try {
      const member = await addMember(workspace.id, email.trim(), role)
      setEmail('')
      setStatus(t('org.members.added', { name: member.name || member.email }))
      load()
    } catch (e) {
      setError(refusal(e, t('org.members.already')))
    }
  }

  async function remove(member: Member) {
    setConfirming(null)
    setError(null)
    setStatus(null)
    try {
      await removeMember(workspace.id, member.id)
      setStatus(t('org.members.removed', { name: member.name || member.email }))
      load()
    } catch (e) {
      setError(refusal(e, t('org.members.lastOwner')))
    }
  }

  return (
    <details className="wt-org-details" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('org.members.title')}</summary>
      {members === null && open && !error && <p>{t('org.loading')}</p>}
      {members && (
        <ul className="wt-org-members" data-testid="members">
          {members.map((m) => (
            <li key={m.id}>
              <span>
                {m.name || m.email}
                {m.id === organiserId && ` ${t('org.members.you')}`}
                <span className="wt-org-count"> · {t(`org.workspaces.${m.role}`)}</span>
              </span>
              {owner && confirming !== m.id && (
                <button
                  type="button"
                  className="wt-secondary wt-danger wt-org-small"
                  aria-label={t('org.members.removeWho', { name: m.name || m.email })}
                  onClick={() => setConfirming(m.id)}
                >
                  {t('org.members.remove')}
                </button>
              )}
              {owner && confirming === m.id && (
                <span className="wt-org-buttons">
                  <button type="button" className="wt-danger wt-org-small" onClick={() => void remove(m)}>
                    {t('org.members.removeYes')}
                  </button>
                  <button
                    type="button"
                    className="wt-secondary wt-org-small"
                    onClick={() => setConfirming(null)}
                  >
                    {t('org.lifecycle.cancel')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {owner && open && (
        <form onSubmit={add} className="wt-org-form">
          <label htmlFor="member-email">{t('org.members.email')}</label>
          <input
            id="member-email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <label htmlFor="member-role">{t('org.members.role')}</label>
          <select id="member-role" value={role} onChange={(e) => setRole(e.target.value as WorkspaceRole)}>
            <option value="member">{t('org.workspaces.member')}</option>
            <option value="owner">{t('org.workspaces.owner')}</option>
          </select>
          <button type="submit" disabled={email.trim() === ''}>
            {t('org.members.add')}
          </button>
        </form>
      )}
      <p role="status">{status}</p>
      {error && (
        <p role="alert" className="wt-error">
          {error}
        </p>
      )}
    </details>
  )
}
