import type { BlockContent, Paragraph, PhrasingContent, Root, RootContent, TableRow } from 'mdast'
import { gfmTableToMarkdown } from 'mdast-util-gfm-table'
import { defaultHandlers, type Handle, type Options, toMarkdown } from 'mdast-util-to-markdown'
import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import type { DocumentBlock } from './DocumentBlock.ts'
import { cleanText } from './escape.ts'
import { type DocumentOptions, pvwToBlocks } from './pvwToBlocks.ts'

// Every string on a board is typed by someone, so the Markdown is built as an mdast tree with user text only in
// `text` nodes and serialised by mdast-util-to-markdown, which escapes whatever would otherwise read as markup
// (`<script>`, `[x](javascript:…)`, `# ` at a line start, `|` in a table cell, …). Nothing is concatenated into
// Markdown syntax, and the tree has no html, link or image nodes, so the document cannot gain any.

export const KOMPAS_MARKDOWN_NOTE =
  'Het spindiagram staat in de HTML- en DOCX-versie; de cijfers staan in de tabel hieronder.'

const LINE_BREAK = /\r\n|\r|\n/

/** One line: a heading or table cell cannot hold a line break, so breaks (and the space around them) become one space. */
export function oneLine(value: string): string {
  return cleanText(value)
    .replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ')
    .trim()
}

/** Paragraph and list text keeps its lines as hard breaks, as the HTML (`<br>`) and DOCX exports do. */
function lines(value: string): PhrasingContent[] {
  const nodes: PhrasingContent[] = []
  cleanText(value)
    .trim()
    .split(LINE_BREAK)
    .forEach((line, i) => {
      if (i > 0) nodes.push({ type: 'break' })
      if (line) nodes.push({ type: 'text', value: line })
    })
  return nodes
}

/**
 * Text that mdast-util-to-markdown's escaping (`state.safe`) returns unchanged in the trees made here: it starts
 * with a letter, does not end in a space, and has none of the characters its rules escape in paragraphs,
 * headings, list items and table cells (! # & * + < = > [ ] _ ~ |, backslash, backtick, tabs, line breaks and
 * other controls). Its other rules need a line break in the text, a digit, `-`, `:` or a space at a line start,
 * or a link, title, code span or autolink around the text, and these trees have none. Most text on a board is
 * such plain text, and running every rule over every table cell made a 2,000-card board's export several times
 * slower. test/markdownEscaping.property.test.ts holds this shortcut to the library's own output, byte for byte.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among those the library escapes
const PLAIN = /^\p{L}[^\u0000-\u001F\u007F!#&*+<=>[\\\]_`~|]*(?<! )$/u

const text: Handle = (node: { value: string }, parent, state, info) =>
  PLAIN.test(node.value) ? node.value : defaultHandlers.text(node as never, parent, state, info)

const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children })

function toNodes(block: DocumentBlock): RootContent[] {
  switch (block.kind) {
    case 'heading':
      return [
        { type: 'heading', depth: block.level, children: [{ type: 'text', value: oneLine(block.text) }] },
      ]
    case 'paragraph': {
      const text = lines(block.text)
      if (!block.label) return text.length > 0 ? [paragraph(text)] : []
      const label: PhrasingContent = {
        type: 'strong',
        children: [{ type: 'text', value: `${block.label}:` }],
      }
      return [paragraph(text.length > 0 ? [label, { type: 'text', value: ' ' }, ...text] : [label])]
    }
    case 'list':
      return [
        {
          type: 'list',
          ordered: block.ordered,
          spread: false,
          children: block.items.map((item) => ({
            type: 'listItem',
            spread: false,
            children: [paragraph(lines(item.text)) as BlockContent],
          })),
        },
      ]
    case 'table': {
      const width = block.header.length
      const row = (cells: readonly string[]): TableRow => ({
        type: 'tableRow',
        children: Array.from({ length: width }, (_, i) => ({
          type: 'tableCell',
          children: [{ type: 'text', value: oneLine(cells[i] ?? '') }],
        })),
      })
      return [{ type: 'table', children: [row(block.header), ...block.rows.map((r) => row(r.cells))] }]
    }
    case 'kompas':
      // The spider diagram itself is in the HTML and DOCX exports; Markdown carries its figures as the table below.
      return [paragraph([{ type: 'emphasis', children: [{ type: 'text', value: KOMPAS_MARKDOWN_NOTE }] }])]
  }
}

/** The mdast tree of the blocks: user text only ever in `text` nodes. */
export function blocksToMdast(blocks: readonly DocumentBlock[]): Root {
  return { type: 'root', children: blocks.flatMap(toNodes) }
}

/** mdast-util-to-markdown's options for the export, with the library's own escaping of every text node. */
export function markdownOptions(): Options {
  return {
    bullet: '-',
    emphasis: '_',
    listItemIndent: 'one',
    // Unpadded tables: the same table whatever the width of its longest cell, and smaller diffs between exports.
    extensions: [gfmTableToMarkdown({ tablePipeAlign: false })],
  }
}

/** Format-neutral blocks as Markdown (CommonMark + GFM tables). */
export function blocksToMarkdown(blocks: readonly DocumentBlock[]): string {
  return toMarkdown(blocksToMdast(blocks), { ...markdownOptions(), handlers: { text } })
}

/** The Programma van Waarden as Markdown (CommonMark + GFM tables). */
export function pvwToMarkdown(pvw: ProgrammaVanWaarden, options: DocumentOptions = {}): string {
  return blocksToMarkdown(pvwToBlocks(pvw, options))
}
