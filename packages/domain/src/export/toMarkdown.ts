import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import type { DocumentBlock } from './DocumentBlock.ts'
import { pvwToBlocks } from './pvwToBlocks.ts'

const inline = (s: string) => s.replace(/\r?\n/g, ' ').trim()
const cell = (s: string) => inline(s).replace(/\|/g, '\\|')

function render(block: DocumentBlock): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${inline(block.text)}`
    case 'paragraph':
      return block.label ? `**${block.label}:** ${block.text}` : block.text
    case 'list':
      return block.items
        .map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inline(item.text)}`)
        .join('\n')
    case 'table':
      return [
        `| ${block.header.map(cell).join(' | ')} |`,
        `| ${block.header.map(() => '---').join(' | ')} |`,
        ...block.rows.map((row) => `| ${row.cells.map(cell).join(' | ')} |`),
      ].join('\n')
    case 'kompas':
      // The spider diagram itself is in the HTML and DOCX exports; Markdown carries its figures as the table below.
      return '_Het spindiagram staat in de HTML- en DOCX-versie; de cijfers staan in de tabel hieronder._'
  }
}

/** The Programma van Waarden as Markdown (CommonMark + GFM tables). */
export function pvwToMarkdown(pvw: ProgrammaVanWaarden): string {
  return `${pvwToBlocks(pvw).map(render).join('\n\n')}\n`
}
