import { boardEn, boardNl } from './board.ts'
import { commonEn, commonNl } from './common.ts'
import { templateEditingEn, templateEditingNl } from './templateEditing.ts'
import { templatesEn, templatesNl } from './templates.ts'

// The app's own UI text, one file per part of the screen, merged here under the keys the components use
// (`board.status.online`, `templates.pvw.…`). Feature folders keep theirs beside them (facilitationMessages.ts, …).

/** All UI text of the app, Dutch first. Keys are grouped by screen. */
export const nl = {
  ...commonNl,
  ...boardNl,
  templates: { ...templatesNl, ...templateEditingNl },
}

export type Messages = typeof nl

export const en: Messages = {
  ...commonEn,
  ...boardEn,
  templates: { ...templatesEn, ...templateEditingEn },
}
