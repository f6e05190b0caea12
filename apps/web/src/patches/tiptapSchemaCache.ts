import type { Plugin } from 'vite'

// Patch (a build plugin re-implementing two TipTap functions), written for @tiptap/core 3.34.0 as tldraw 5.4.2
// installs it; tiptapSchemaCache.test.ts fails when an upgrade changes TipTap's versions of them.
// tldraw renders a note's label with TipTap's generateHTML (and reads its plain text with generateText), and both
// build TipTap's ProseMirror schema from the extensions again for every call: ~0.5 ms per visible note label on a
// cold open, the same schema each time. This build plugin puts a module in front of @tiptap/core whose two
// functions keep one schema per extensions array (tldraw passes one array for the editor's life) and are otherwise
// TipTap's own code; every other export is TipTap's as it is.

const VIRTUAL = '\0wt-tiptap-core'

/** The TipTap version (as tldraw installs it) this patch copies from; the test compares it with the installed one. */
export const PATCHED_FOR = { '@tiptap/core': '3.34.0' } as const

export function tiptapSchemaCache(): Plugin {
  let real: string | undefined
  return {
    name: 'wt-tiptap-schema-cache',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== '@tiptap/core' || importer === VIRTUAL) return null
      if (!real) {
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
        if (!resolved) return null
        real = resolved.id
      }
      return VIRTUAL
    },
    load(id) {
      if (id !== VIRTUAL || !real) return null
      const from = JSON.stringify(real)
      return `export * from ${from}
import { getHTMLFromFragment, getSchema, getText, getTextSerializersFromSchema } from ${from}
const schemas = new WeakMap()
function schemaFor(extensions) {
  let schema = schemas.get(extensions)
  if (!schema) {
    schema = getSchema(extensions)
    schemas.set(extensions, schema)
  }
  return schema
}
export function generateHTML(doc, extensions) {
  const schema = schemaFor(extensions)
  return getHTMLFromFragment(schema.nodeFromJSON(doc).content, schema)
}
export function generateText(doc, extensions, options) {
  const { blockSeparator = '\\n\\n', textSerializers = {} } = options || {}
  const schema = schemaFor(extensions)
  return getText(schema.nodeFromJSON(doc), {
    blockSeparator,
    textSerializers: { ...getTextSerializersFromSchema(schema), ...textSerializers },
  })
}
`
    },
  }
}
