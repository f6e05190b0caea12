import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import {
  defaultHandleExternalFileContent,
  useEditor,
  useTranslation as useTldrawTranslation,
  useToasts,
} from 'tldraw'
import { formatFileSize, isTooLargeToInline, MAX_INLINE_ASSET_BYTES } from './mediaLimits.ts'

/**
 * Rendered inside <Tldraw> (after its own handlers are registered): files dropped, pasted or chosen with the media
 * tool go through tldraw's own handling, except those over the inline limit, which are refused here with a toast
 * that says how large the file is and why, before anything (asset, placeholder shape) enters the document.
 */
export function MediaLimits() {
  const editor = useEditor()
  const toasts = useToasts()
  const msg = useTldrawTranslation()
  const { t, i18n } = useTranslation()

  useEffect(() => {
    editor.registerExternalContentHandler('files', async ({ point, files }) => {
      const allowed = files.filter((file) => !isTooLargeToInline(file))
      for (const file of files) {
        if (!isTooLargeToInline(file)) continue
        toasts.addToast({
          severity: 'error',
          keepOpen: true,
          // tldraw's own Dutch label for this button reads "Dichtbij" (nearby).
          closeLabel: t('facilitation.close'),
          title: t(
            file.type.startsWith('video/') ? 'board.media.videoTooLarge' : 'board.media.imageTooLarge',
            {
              size: formatFileSize(file.size, i18n.language),
              max: formatFileSize(MAX_INLINE_ASSET_BYTES, i18n.language),
            },
          ),
        })
      }
      if (allowed.length === 0) return
      await defaultHandleExternalFileContent(
        editor,
        { files: allowed, ...(point ? { point } : {}) },
        { toasts, msg, maxAssetSize: MAX_INLINE_ASSET_BYTES },
      )
    })
  }, [editor, toasts, msg, t, i18n])
  return null
}
