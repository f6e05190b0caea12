import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getClientConfig } from '../api/boards.ts'
import { licenceEn, licenceNl } from './licenceMessages.ts'

/**
 * On the home page only (where an organiser makes boards, not where participants work): says that this instance
 * has no tldraw licence key, and how to set one. Nothing while the server's config is unknown or has a key.
 */
export function LicenceNotice() {
  const { i18n } = useTranslation()
  const [missing, setMissing] = useState(false)
  useEffect(() => {
    let live = true
    getClientConfig()
      .then((config) => live && setMissing(config.tldrawLicenseKey === null))
      // Without the config there is nothing certain to say; the home page works as before.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  if (!missing) return null
  const text = i18n.language === 'en' ? licenceEn : licenceNl
  return (
    <section className="wt-card" aria-labelledby="licence-title" data-testid="licence-notice">
      <h2 id="licence-title">{text.title}</h2>
      <p>{text.body}</p>
    </section>
  )
}
