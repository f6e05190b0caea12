import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { tipTapDefaultExtensions } from 'tldraw'
import type { Plugin } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installedPackage, installedVersion } from './testing/installedVersion.ts'
import { PATCHED_FOR, tiptapSchemaCache } from './tiptapSchemaCache.ts'

// The plugin's generateHTML and generateText are TipTap's own with one change: the schema is built once per
// extensions array instead of on every call. TipTap's source of both is pinned here, whitespace aside: an upgrade
// that changes either (or starts caching the schema itself, which would make the patch unneeded) fails this test,
// and the copy in the plugin must then be compared again. generateText is compared by output as well (generateHTML
// needs a DOM document, which the unit tests do not have).

type TipTap = {
  generateHTML: (doc: unknown, extensions: unknown) => string
  generateText: (doc: unknown, extensions: unknown) => string
}

const TIPTAP_GENERATE_HTML = `function generateHTML(doc, extensions) {
  const schema = getSchema(extensions);
  return getHTMLFromFragment(Node$1.fromJSON(schema, doc).content, schema);
}`
const TIPTAP_GENERATE_TEXT = `function generateText(doc, extensions, options) {
  const { blockSeparator = "\\n\\n", textSerializers = {} } = options || {};
  const schema = getSchema(extensions);
  return getText(Node$1.fromJSON(schema, doc), {
    blockSeparator,
    textSerializers: {
      ...getTextSerializersFromSchema(schema),
      ...textSerializers
    }
  });
}`
const squash = (source: string) => source.replace(/\s+/g, ' ').trim()

const { dir, json } = installedPackage('@tiptap/core', 'tldraw')
const entry = join(dir, json.exports?.['.']?.import ?? 'dist/index.js')
const work = mkdtempSync(join(tmpdir(), 'wt-tiptap-'))
let real: TipTap
let cached: TipTap

/** The module the plugin puts in front of @tiptap/core, built as Vite would and imported from a file. */
async function pluginModule(): Promise<TipTap> {
  const plugin = tiptapSchemaCache() as Plugin & {
    resolveId: (this: unknown, source: string, importer: string, options: object) => Promise<string | null>
    load: (id: string) => string | null
  }
  const resolve = async () => ({ id: entry })
  const id = await plugin.resolveId.call({ resolve }, '@tiptap/core', '/tldraw/index.mjs', {})
  const code = id ? plugin.load(id) : null
  if (!code) throw new Error('the plugin did not take @tiptap/core')
  const file = join(work, 'tiptapCore.mjs')
  writeFileSync(file, code)
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as TipTap
}

beforeAll(async () => {
  real = (await import(/* @vite-ignore */ pathToFileURL(entry).href)) as TipTap
  cached = await pluginModule()
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

const doc = (...paragraphs: unknown[][]) => ({
  type: 'doc',
  content: paragraphs.map((content) => ({ type: 'paragraph', ...(content.length ? { content } : {}) })),
})
const DOCS = [
  doc([{ type: 'text', text: 'Zorgverzekeraar' }]),
  doc([]),
  doc(
    [
      { type: 'text', text: 'vet', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' en gewoon' },
    ],
    [],
  ),
  doc([{ type: 'text', text: 'a < b & c' }], [{ type: 'text', text: 'tweede alinea' }]),
]

describe('tiptapSchemaCache (patch of @tiptap/core, as tldraw installs it)', () => {
  it(`was written for the installed @tiptap/core (${PATCHED_FOR['@tiptap/core']}); re-check it on an upgrade`, () => {
    expect(installedVersion('@tiptap/core', 'tldraw')).toBe(PATCHED_FOR['@tiptap/core'])
  })

  it("copies TipTap's generateHTML and generateText, which build the schema on every call", () => {
    expect(squash(real.generateHTML.toString())).toBe(squash(TIPTAP_GENERATE_HTML))
    expect(squash(real.generateText.toString())).toBe(squash(TIPTAP_GENERATE_TEXT))
  })

  it.each(DOCS.map((d, i) => [i, d] as const))('reads document %i as TipTap does', (_, d) => {
    expect(cached.generateText(d, tipTapDefaultExtensions)).toBe(
      real.generateText(d, tipTapDefaultExtensions),
    )
  })

  it('leaves every other export of TipTap as it is', () => {
    const exports = (m: object) => Object.keys(m).sort()
    expect(exports(cached)).toEqual(exports(real))
    expect((cached as unknown as Record<string, unknown>).getSchema).toBe(
      (real as unknown as Record<string, unknown>).getSchema,
    )
  })
})
