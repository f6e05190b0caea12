import { useTranslation } from 'react-i18next'
import { type Editor, useValue } from 'tldraw'
import { baathouderName } from '../shapes/BaathouderCardShapeUtil.tsx'
import { valueCardName } from '../shapes/ValueCardShapeUtil.tsx'
import { SpineInspector } from '../spine/SpineInspector.tsx'
import { spineCardOf } from '../spine/spineShapeTypes.ts'
import { BaathouderInspector } from './BaathouderInspector.tsx'
import { TextField } from './fields.tsx'
import { PvwInspector } from './PvwInspector.tsx'
import { TensionInspector } from './TensionInspector.tsx'
import { updateProps } from './updateProps.ts'
import { ValueCardInspector } from './ValueCardInspector.tsx'

const OURS = new Set([
  'wt-value-card',
  'wt-baathouder-card',
  'wt-tension-card',
  'wt-pvw-frame',
  'wt-prioritering',
  'wt-spanningen',
  'wt-schillen',
])

/** Edits the one selected card or template. Everything is written to the shape, so it is live for everyone. */
export function Inspector({ editor, readOnly }: { editor: Editor; readOnly: boolean }) {
  const { t } = useTranslation()
  const shape = useValue('wt selected', () => {
    const s = editor.getOnlySelectedShape()
    return s && (OURS.has(s.type) || spineCardOf(s)) ? s : null
  }, [editor])
  if (!shape)
    return (
      <p className="wt-hint">
        {t(readOnly ? 'templates.inspector.emptyReadOnly' : 'templates.inspector.empty')}
      </p>
    )
  let title = ''
  let body: React.ReactNode = null
  switch (shape.type) {
    case 'wt-value-card':
      title = valueCardName(shape.props)
      body = <ValueCardInspector editor={editor} shape={shape} readOnly={readOnly} />
      break
    case 'wt-baathouder-card':
      title = baathouderName(shape.props)
      body = <BaathouderInspector editor={editor} shape={shape} readOnly={readOnly} />
      break
    case 'wt-tension-card':
      title = shape.props.name || t('templates.tension.unnamed')
      body = <TensionInspector editor={editor} shape={shape} readOnly={readOnly} />
      break
    case 'wt-pvw-frame':
      title = `${shape.props.part}. ${t(`templates.pvw.parts.${shape.props.part}`)}`
      body = <PvwInspector editor={editor} shape={shape} readOnly={readOnly} />
      break
    case 'wt-prioritering':
    case 'wt-spanningen':
      title = shape.props.title
      body = (
        <TextField
          label={t('templates.inspector.title')}
          value={shape.props.title}
          disabled={readOnly}
          onChange={(v) => updateProps(editor, shape, { title: v })}
        />
      )
      break
    case 'wt-schillen':
      title = t('templates.names.schillen')
      body = (
        <TextField
          label={t('templates.schillen.areaName')}
          value={shape.props.areaName}
          disabled={readOnly}
          onChange={(areaName) => updateProps(editor, shape, { areaName })}
        />
      )
      break
    default: {
      const spine = spineCardOf(shape)
      if (spine) {
        title = t(`spine.types.${spine.type}`)
        body = <SpineInspector editor={editor} shape={spine} readOnly={readOnly} />
      }
    }
  }
  return (
    <section
      className="wt-inspector"
      aria-labelledby="wt-inspector-title"
      data-testid="inspector"
      data-shape-type={shape.type}
    >
      <h3 id="wt-inspector-title">{title}</h3>
      {body}
    </section>
  )
}
