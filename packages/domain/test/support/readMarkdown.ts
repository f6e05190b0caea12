import type { Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTable } from 'micromark-extension-gfm-table'
import type { DocumentBlock } from '../../src/export/DocumentBlock.ts'

// Reads an exported Markdown document back with a real CommonMark + GFM-table parser, and reduces both the
// parsed tree and the blocks it was made from to the same outline, so a test can say "the reader sees exactly
// the document's own structure, and every user string as the literal text it was".

/** Node types the export never makes; any of them in the parsed tree came from user text. */
export const FOREIGN_NODES = new Set([
  'html',
  'link',
  'image',
  'linkReference',
  'imageReference',
  'definition',
  'footnoteReference',
  'footnoteDefinition',
  'code',
  'inlineCode',
  'blockquote',
  'thematicBreak',
  'delete',
])

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] })
}

/** Every node type in the tree that the export does not make, with its text, for a readable failure. */
export function foreignNodes(tree: Root): string[] {
  const found: string[] = []
  const walk = (node: Nodes) => {
    if (FOREIGN_NODES.has(node.type)) found.push(`${node.type}: ${JSON.stringify(node)}`)
    if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(tree)
  return found
}

export type Outline =
  | ['h', number, string]
  | ['p', string]
  | ['list', boolean, string[]]
  | ['table', string[][]]
  | ['?', string]

/** Text as a reader sees it: hard line breaks as `\n`, strong and emphasis as their text. */
function textOf(nodes: readonly Nodes[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value
      if (node.type === 'break') return '\n'
      if (node.type === 'strong' || node.type === 'emphasis') return textOf(node.children)
      return `⟨${node.type}⟩`
    })
    .join('')
}

export function outlineOfTree(tree: Root): Outline[] {
  return tree.children.map((node): Outline => {
    switch (node.type) {
      case 'heading':
        return ['h', node.depth, textOf(node.children)]
      case 'paragraph':
        return ['p', textOf(node.children)]
      case 'list':
        return [
          'list',
          node.ordered === true,
          node.children.map((item) =>
            item.children.map((c) => (c.type === 'paragraph' ? textOf(c.children) : `⟨${c.type}⟩`)).join('¶'),
          ),
        ]
      case 'table':
        return ['table', node.children.map((row) => row.children.map((cell) => textOf(cell.children)))]
      default:
        return ['?', node.type]
    }
  })
}

// What the reader must see for each block, written here from the export's promise, not from its code: XML-invalid
// characters dropped, a heading or cell on one line, paragraph and list text with its inner lines kept.
/** A character XML 1.0 forbids (not global, so `.test` has no state). */
export const XML_FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this is for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const DROPPED = new RegExp(XML_FORBIDDEN.source, 'g')
const clean = (s: string) => s.replace(DROPPED, '')
export const expectedOneLine = (s: string) =>
  clean(s)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ')
export const expectedLines = (s: string) =>
  clean(s)
    .trim()
    .replace(/\r\n|\r/g, '\n')

export function outlineOfBlocks(blocks: readonly DocumentBlock[]): Outline[] {
  return blocks.flatMap(outlineOfBlock)
}

function outlineOfBlock(block: DocumentBlock): Outline[] {
  switch (block.kind) {
    case 'heading':
      return [['h', block.level, expectedOneLine(block.text)]]
    case 'paragraph': {
      const text = expectedLines(block.text)
      if (block.label) return [['p', text ? `${block.label}: ${text}` : `${block.label}:`]]
      return text ? [['p', text]] : []
    }
    case 'list':
      return [['list', block.ordered, block.items.map((i) => expectedLines(i.text))]]
    case 'table':
      return [['table', [block.header, ...block.rows.map((r) => r.cells)].map((r) => r.map(expectedOneLine))]]
    case 'kompas':
      return [
        ['p', 'Het spindiagram staat in de HTML- en DOCX-versie; de cijfers staan in de tabel hieronder.'],
      ]
  }
}
