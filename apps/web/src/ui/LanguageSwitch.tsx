import { useTranslation } from 'react-i18next'
import { LANGUAGES } from '../i18n/i18n.ts'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <label className="wt-language">
      <span className="wt-visually-hidden">{t('language.label')}</span>
      <select value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
