import type { TFunction } from 'i18next'
import { ApiError } from '../api/client.ts'

/** An error as the organiser reads it: the code's own text where the home page has one, else the app's. */
export function orgErrorText(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'generic'
  if (code === 'HTTP_429') return t('org.errors.RATE_LIMITED')
  return t([`org.errors.${code}`, `errors.${code}`, 'org.errors.generic'])
}
