import { parseNumber } from '@waardentafel/domain'

/**
 * A number as a person types it in this language. The domain's parseNumber reads `250.000` as 250 (a CSV cell
 * may be either); in a Dutch form it is two hundred and fifty thousand, as `250,000` is in an English one.
 */
export function parseTypedNumber(raw: string, language: string): number | null {
  const s = raw.trim().replace(/\s/g, '')
  const grouping = language === 'en' ? /^-?\d{1,3}(,\d{3})+(\.\d+)?$/ : /^-?\d{1,3}(\.\d{3})+(,\d+)?$/
  if (grouping.test(s)) {
    const [whole, fraction] = language === 'en' ? s.split('.') : s.split(',')
    return Number(`${whole!.replace(/[.,]/g, '')}${fraction === undefined ? '' : `.${fraction}`}`)
  }
  return parseNumber(s)
}
