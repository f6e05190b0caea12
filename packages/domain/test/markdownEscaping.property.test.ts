import fc from 'fast-check'
import { toMarkdown } from 'mdast-util-to-markdown'
import { describe, expect, it } from 'vitest'
import type { DocumentBlock, Item } from '../src/export/DocumentBlock.ts'
import { blocksToMarkdown, blocksToMdast, markdownOptions } from '../src/export/toMarkdown.ts'
import { foreignNodes, outlineOfBlocks, outlineOfTree, parseMarkdown } from './support/readMarkdown.ts'

// Issue #15 point 7, for any string at all: whatever a person types into any field, the Markdown export read back
// by a CommonMark + GFM parser has exactly the document's own structure (its headings, paragraphs, lists and
// tables, nothing more), no html, link or image node, and each string as the literal text it was.

const SEED = 20261207
const RUNS = 1_000

// Arbitrary text, weighted towards what Markdown reads as syntax: its punctuation, line starts, indentation.
const MARKUP = [
  ...'#*_`~[]()!<>&|\\-=+:.;"\'/ \t\n\r',
  '\r\n',
  '1. ',
  '- ',
  '> ',
  '    ',
  '```',
  '~~~',
  '---',
  '===',
  '<!--',
  '-->',
  '<script>',
  '</p>',
  '&lt;',
  '&#x3C;',
  '&amp;',
  'javascript:',
  'https://tracker.example/p.gif',
  'www.example.nl',
  '[x]: /url',
  '\u00a0',
  '\u0000',
  '\u2028',
  '\uFFFD',
  'é',
  '😀',
]
const hostile = fc.string({
  unit: fc.oneof(fc.constantFrom(...MARKUP), fc.constantFrom(...'aZ09')),
  maxLength: 24,
})
// Ordinary Dutch card text: letters, digits, spaces and the punctuation the export passes through unescaped.
const PROSE = [...'aeinrstEGVZ09éë ,.;:()/?%\'"-–@'.split(''), ' en ', 'Schil 2: ', '€ 3,50', '(1 · 2)']
const prose = fc.string({ unit: fc.constantFrom(...PROSE), maxLength: 24 })
const userText = fc.oneof(
  { weight: 3, arbitrary: prose },
  { weight: 6, arbitrary: hostile },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
)
const label = fc.option(fc.constantFrom('Voor wie', 'Wat we hier níet doen', 'Horizon'), { nil: undefined })
const item: fc.Arbitrary<Item> = userText.map((text) => ({ text, sources: [] }))

const block: fc.Arbitrary<DocumentBlock> = fc.oneof(
  fc.record({
    kind: fc.constant('heading' as const),
    level: fc.constantFrom(1, 2, 3 as const),
    text: userText,
  }),
  fc.record({ text: userText, label }).map(({ text, label }) => ({
    kind: 'paragraph' as const,
    text,
    sources: [],
    ...(label ? { label } : {}),
  })),
  fc.record({
    kind: fc.constant('list' as const),
    ordered: fc.boolean(),
    items: fc.array(item, { minLength: 1, maxLength: 4 }),
  }),
  fc.integer({ min: 1, max: 4 }).chain((width) =>
    fc.record({
      kind: fc.constant('table' as const),
      header: fc.array(userText, { minLength: width, maxLength: width }),
      rows: fc.array(
        fc.array(userText, { minLength: width, maxLength: width }).map((cells) => ({ cells, sources: [] })),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  ),
  fc.constant({ kind: 'kompas' as const }),
)

// Counterexamples found against the string-concatenating export this replaced, kept as regression cases.
const EXAMPLES: [DocumentBlock[]][] = [
  [
    [
      { kind: 'table', header: ['', '', '', ''], rows: [{ cells: ['', '', '#\r#', ''], sources: [] }] },
      { kind: 'kompas' },
    ],
  ],
  [
    [
      { kind: 'heading', level: 1, text: 'Titel\r\n# Kop' },
      { kind: 'paragraph', text: 'a\n===', sources: [] },
    ],
  ],
]

describe('[EX1] Markdown export, property: any user text stays text', () => {
  it(`holds for ${RUNS} generated documents (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
        const tree = parseMarkdown(blocksToMarkdown(blocks))
        expect(foreignNodes(tree)).toEqual([])
        expect(outlineOfTree(tree)).toEqual(outlineOfBlocks(blocks))
      }),
      { seed: SEED, numRuns: RUNS, examples: EXAMPLES },
    )
  }, 60_000)

  it(`passes plain text through exactly as the library's own escaping would (${RUNS} documents)`, () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
        expect(blocksToMarkdown(blocks)).toBe(toMarkdown(blocksToMdast(blocks), markdownOptions()))
      }),
      { seed: SEED + 1, numRuns: RUNS },
    )
  }, 60_000)
})
