import type { TLUiOverrides } from 'tldraw'

/** Labels of the PDF exports, in tldraw's translations (its menus look labels up there). */
export const exportTranslations: NonNullable<TLUiOverrides['translations']> = {
  nl: {
    'action.export-as-pdf': 'Exporteren als PDF',
    'action.export-all-as-pdf': 'Alles exporteren als PDF',
    'action.export-all-as-pdf.short': 'PDF',
  },
  en: {
    'action.export-as-pdf': 'Export as PDF',
    'action.export-all-as-pdf': 'Export all as PDF',
    'action.export-all-as-pdf.short': 'PDF',
  },
}
