import { useTranslation } from 'react-i18next'
import { type Editor, type TLShapeId, useValue } from 'tldraw'
import { addSpineCard } from './addSpineCard.ts'
import { SPINE_CARD_TYPES } from './spineShapeTypes.ts'

/**
 * "Kansenanalyse en kaders": adds the process spine's cards. Like values, tensions and baathouders they are
 * content, not structure, so participants may add them too; value cards selected at the time are linked.
 */
export function SpineMenu({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const selectedValues = useValue(
    'wt spine selected values',
    () =>
      editor
        .getSelectedShapes()
        .filter((s) => s.type === 'wt-value-card')
        .map((s) => s.id as TLShapeId),
    [editor],
  )
  return (
    <section className="wt-tpl-menu wt-spine-menu" aria-labelledby="wt-spine-menu-title">
      <h3 id="wt-spine-menu-title">{t('spine.menu.title')}</h3>
      <ul>
        {SPINE_CARD_TYPES.map((type) => (
          <li key={type}>
            <button
              type="button"
              className="wt-small"
              data-spine-card={type}
              onClick={() => addSpineCard(editor, type, type === 'wt-sturing-card' ? [] : selectedValues)}
            >
              + {t(`spine.types.${type}`)}
              {type !== 'wt-sturing-card' &&
                selectedValues.length > 0 &&
                ` (${t('spine.menu.linking', { count: selectedValues.length })})`}
            </button>
          </li>
        ))}
      </ul>
      <p className="wt-hint">{t('spine.menu.hint')}</p>
    </section>
  )
}
