import type { Role } from '@waardentafel/protocol'
import { useTranslation } from 'react-i18next'
import { CopyButton } from './CopyButton.tsx'

/** One role's link, labelled with its role ("Link voor deelnemers"), with a copy button of its own. */
export function RoleLink({ role, url, id }: { role: Role; url: string; id: string }) {
  const { t } = useTranslation()
  const label = t(`join.linkFor.${role}`)
  return (
    <div className="wt-role-link" data-role={role}>
      <label htmlFor={id}>{label}</label>
      <div className="wt-link-row">
        <input id={id} readOnly value={url} data-role={role} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={url} what={label} />
      </div>
    </div>
  )
}
