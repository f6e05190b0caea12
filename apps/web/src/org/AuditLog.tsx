import type { AuditEntry } from '@waardentafel/protocol'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../facilitation/formatDate.ts'
import { auditText } from './auditText.ts'
import { useOrgError } from './OrgContext.ts'
import { projectAudit } from './orgApi.ts'

/** The project's logboek (Woo, Archiefwet): who did what, when — read when opened, again after each change. */
export function AuditLog({ projectId, version }: { projectId: string; version: number }) {
  const { t, i18n } = useTranslation()
  const errorText = useOrgError()
  const [open, setOpen] = useState(false)
  const [entries, setEntries] = useState<readonly AuditEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the parent's signal that something changed
  useEffect(() => {
    if (!open) return
    let live = true
    projectAudit(projectId)
      .then((list) => live && setEntries(list))
      .catch((e) => live && setError(errorText(e)))
    return () => {
      live = false
    }
  }, [open, projectId, version])

  return (
    <div className="wt-org-audit">
      <button
        type="button"
        className="wt-secondary"
        aria-expanded={open}
        aria-controls="audit-log"
        onClick={() => setOpen(!open)}
      >
        {open ? t('org.audit.hide') : t('org.audit.show')}
      </button>
      {open && (
        <div id="audit-log" data-testid="audit-log">
          <h3>{t('org.audit.title')}</h3>
          <p className="wt-org-muted">{t('org.audit.intro')}</p>
          {error && (
            <p role="alert" className="wt-error">
              {error}
            </p>
          )}
          {entries?.length === 0 && <p>{t('org.audit.empty')}</p>}
          {entries && entries.length > 0 && (
            <table className="wt-org-table">
              <thead>
                <tr>
                  <th scope="col">{t('org.audit.when')}</th>
                  <th scope="col">{t('org.audit.who')}</th>
                  <th scope="col">{t('org.audit.what')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => {
                  const line = auditText(entry, (key, options) => t(key, options ?? {}))
                  return (
                    <tr
                      key={`${entry.at}-${entry.action}-${entry.boardId ?? ''}-${JSON.stringify(entry.detail)}`}
                    >
                      <td>{formatDate(entry.at, i18n.language, true)}</td>
                      <td>{line.who}</td>
                      <td>{line.what}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  )
}
