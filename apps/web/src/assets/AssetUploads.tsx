import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import {
  defaultHandleExternalFileContent,
  useEditor,
  useTranslation as useTldrawTranslation,
  useToasts,
} from 'tldraw'
import { formatFileSize, isTooLargeToInline, MAX_INLINE_ASSET_BYTES } from '../board/mediaLimits.ts'
import { MAX_ASSET_BYTES, SERVER_TYPES } from './assetUrls.ts'
import type { BoardAssets } from './BoardAssets.ts'
import { pdfFirstPage } from './pdfFirstPage.ts'

/**
 * Rendered inside <Tldraw>: files dropped, pasted or chosen go through tldraw's own handling with the board's asset
 * store (`BoardAssets`), except what cannot go: a picture over 25 MB is refused here with a Dutch toast before
 * anything enters the document, a video over the inline limit likewise. A PDF becomes the image of its first page
 * (rendered here), its asset record naming the PDF, which is uploaded as well. Refusals by the server come back
 * through `BoardAssets.onRefused` and are shown the same way.
 */
export function AssetUploads({ assets: board }: { assets: BoardAssets }) {
  const editor = useEditor()
  const toasts = useToasts()
  const msg = useTldrawTranslation()
  const { t, i18n } = useTranslation()

  useEffect(() => {
    const show = (title: string) =>
      toasts.addToast({ severity: 'error', keepOpen: true, closeLabel: t('facilitation.close'), title })
    const max = formatFileSize(MAX_ASSET_BYTES, i18n.language)
    const unsubscribe = board.onRefused((refusal) =>
      show(t(`assets.refused.${refusal.code}`, { name: refusal.name, max })),
    )
    editor.registerExternalContentHandler('files', async ({ point, files }) => {
      const allowed: File[] = []
      for (const file of files) {
        const storable = SERVER_TYPES.has(file.type)
        if (storable && file.size > MAX_ASSET_BYTES) {
          show(t('assets.refused.TOO_LARGE', { name: file.name, max }))
        } else if (!storable && isTooLargeToInline(file)) {
          // Videos are still kept inline (small ones only); a large picture of a type the server does not take
          // (HEIC, TIFF, …) is named as such.
          show(
            file.type.startsWith('video/')
              ? t('board.media.videoTooLarge', {
                  size: formatFileSize(file.size, i18n.language),
                  max: formatFileSize(MAX_INLINE_ASSET_BYTES, i18n.language),
                })
              : t('assets.refused.TYPE_UNSUPPORTED', { name: file.name, max }),
          )
        } else if (file.type === 'application/pdf') {
          try {
            const page = await pdfFirstPage(file)
            board.setMeta(page, { pdf: await board.store(file) })
            allowed.push(page)
          } catch (error) {
            if (!(error instanceof Error && error.name === 'UploadRefused')) {
              show(t('assets.pdfUnreadable', { name: file.name }))
            }
          }
        } else {
          allowed.push(file)
        }
      }
      if (allowed.length === 0) return
      await defaultHandleExternalFileContent(
        editor,
        { files: allowed, ...(point ? { point } : {}) },
        { toasts, msg, maxAssetSize: MAX_ASSET_BYTES },
      )
    })
    return unsubscribe
  }, [editor, board, toasts, msg, t, i18n])
  return null
}
