// The cold-open reference (apps/web/bench/coldOpen.bench.ts): tldraw alone, as its own docs show it, opening a
// board from a snapshot file: no Yjs, no server sync, no local copy, none of Waardentafel's panels. `?board=<name>`
// loads /<name>.json (a TLStoreSnapshot); no parameter opens an empty store.
import { createRoot } from 'react-dom/client'
import { type Editor, type TLStoreSnapshot, Tldraw } from 'tldraw'
import 'tldraw/tldraw.css'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { setupI18n } from '../../src/i18n/i18n.ts'
import { templateBindingUtils, templateShapeUtils } from '../../src/templates/index.ts'

// Our cards' labels come from our translations (the same text, so the same layout work, as in the app).
setupI18n()
const assetUrls = getAssetUrlsByImport()
const name = new URL(window.location.href).searchParams.get('board')
const snapshot: TLStoreSnapshot | undefined = name
  ? ((await (await fetch(`/${name}.json`)).json()) as TLStoreSnapshot)
  : undefined
const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <Tldraw
      {...(snapshot ? { snapshot } : {})}
      shapeUtils={templateShapeUtils}
      bindingUtils={templateBindingUtils}
      assetUrls={assetUrls}
      options={{ maxShapesPerPage: 10_000 }}
      onMount={(editor: Editor) => {
        editor.updateInstanceState({ isReadonly: true })
        Object.assign(window, { __wtEditor: editor })
      }}
    />,
  )
