import type { Editor, TLShapeId, TLUiActionsContextType, TLUiOverrideHelpers } from 'tldraw'
import { exportFileName } from './exportFileName.ts'

type Target = { ids: TLShapeId[]; part?: string }

/** What an export covers: the selection (named after it when it is one named shape, a frame) or the whole page. */
function target(editor: Editor, wholePage: boolean): Target {
  const selected = editor.getSelectedShapeIds()
  if (wholePage || selected.length === 0) return { ids: [...editor.getCurrentPageShapeIds()] }
  const only = selected.length === 1 ? editor.getShape(selected[0] as TLShapeId) : undefined
  const name = only && 'name' in only.props ? only.props.name : undefined
  return typeof name === 'string' && name.trim() ? { ids: selected, part: name } : { ids: selected }
}

/** Hands a file to the browser as a download (an anchor with the file's name, clicked). */
function download(file: File, doc: Document): void {
  const link = doc.createElement('a')
  const url = URL.createObjectURL(file)
  link.href = url
  link.download = file.name
  link.click()
  URL.revokeObjectURL(url)
}

async function exportPdf(editor: Editor, ids: TLShapeId[], name: string): Promise<void> {
  const { blob } = await editor.toImage(ids, { format: 'png', background: true, pixelRatio: 2 })
  // pdf-lib is loaded on the first PDF export only: most people never export, and the board opens without it.
  const { pngToPdf } = await import('./pngToPdf.ts')
  const bytes = await pngToPdf(await blob.arrayBuffer(), { title: name, date: new Date() })
  download(
    new File([bytes as Uint8Array<ArrayBuffer>], `${name}.pdf`, { type: 'application/pdf' }),
    editor.getContainer().ownerDocument,
  )
}

const IMAGE_EXPORTS = [
  ['export-as-png', 'png', false],
  ['export-as-svg', 'svg', false],
  ['export-all-as-png', 'png', true],
  ['export-all-as-svg', 'svg', true],
] as const

/**
 * tldraw's image exports named after the board and the day (`<title> <yyyy-mm-dd>.png`, not "Zonder titel.png"),
 * and two PDF exports: the selection or the whole page (`export-as-pdf`), and the whole page (`export-all-as-pdf`).
 */
export function withBoardExports(
  editor: Editor,
  actions: TLUiActionsContextType,
  helpers: TLUiOverrideHelpers,
  boardTitle: string,
): TLUiActionsContextType {
  for (const [id, format, wholePage] of IMAGE_EXPORTS) {
    const action = actions[id]
    if (!action) continue
    actions[id] = {
      ...action,
      onSelect() {
        const { ids, part } = target(editor, wholePage)
        if (ids.length === 0) return
        helpers.exportAs(ids, { format, name: exportFileName(boardTitle, new Date(), part) })
      },
    }
  }
  const pdf = (id: string, wholePage: boolean) => ({
    id,
    readonlyOk: true,
    async onSelect() {
      const { ids, part } = target(editor, wholePage)
      if (ids.length === 0) return
      try {
        await exportPdf(editor, ids, exportFileName(boardTitle, new Date(), part))
      } catch {
        helpers.addToast({
          id: 'export-fail',
          title: helpers.msg('toast.error.export-fail.title'),
          description: helpers.msg('toast.error.export-fail.desc'),
          severity: 'error',
        })
      }
    },
  })
  actions['export-as-pdf'] = { ...pdf('export-as-pdf', false), label: 'action.export-as-pdf' }
  actions['export-all-as-pdf'] = {
    ...pdf('export-all-as-pdf', true),
    label: { default: 'action.export-all-as-pdf', menu: 'action.export-all-as-pdf.short' },
  }
  return actions
}
