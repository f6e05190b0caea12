import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { assetsEn, assetsNl } from '../assets/assetMessages.ts'
import { facilitationEn, facilitationNl } from '../facilitation/facilitationMessages.ts'
import { joinEn, joinNl } from '../join/joinMessages.ts'
import { orgEn, orgNl } from '../org/orgMessages.ts'
import { outlineEn, outlineNl } from '../outline/outlineMessages.ts'
import { privateEn, privateNl } from '../private/privateMessages.ts'
import { pvwEn, pvwNl } from '../pvw/pvwMessages.ts'
import { spineEn, spineNl } from '../templates/spine/spineMessages.ts'
import { en, nl } from './messages/index.ts'

export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
const STORAGE_KEY = 'waardentafel.language'

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return value === 'en' ? 'en' : 'nl'
  } catch {
    return 'nl'
  }
}

/** Dutch by default; the user's choice is remembered on the device and drives tldraw's locale too. */
export function setupI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: {
      nl: {
        translation: {
          ...nl,
          pvw: pvwNl,
          privateMode: privateNl,
          outline: outlineNl,
          facilitation: facilitationNl,
          join: joinNl,
          org: orgNl,
          assets: assetsNl,
          spine: spineNl,
        },
      },
      en: {
        translation: {
          ...en,
          pvw: pvwEn,
          privateMode: privateEn,
          outline: outlineEn,
          facilitation: facilitationEn,
          join: joinEn,
          org: orgEn,
          assets: assetsEn,
          spine: spineEn,
        },
      },
    },
    lng: storedLanguage(),
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
  })
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng
    try {
      localStorage.setItem(STORAGE_KEY, lng)
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  })
  document.documentElement.lang = i18next.language
  return i18next
}
