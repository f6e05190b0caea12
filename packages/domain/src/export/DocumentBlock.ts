import type { Line } from '../pvw/programmaVanWaardenSchema.ts'

// A format-neutral outline of the document. Markdown, HTML and DOCX all render these same blocks, so the three
// exports can never disagree on content or order; this is also the accessible text outline of the board.

export type Item = { text: string; sources: string[] }

export type DocumentBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** `leeg`: the line only says that something is still to be done, so formats can set it apart. */
  | { kind: 'paragraph'; text: string; label?: string; sources: string[]; leeg?: boolean }
  | { kind: 'list'; ordered: boolean; items: Item[] }
  | {
      kind: 'table'
      header: string[]
      rows: { cells: string[]; sources: string[]; perSchil?: PerSchil }[]
      /**
       * The column whose cells count baathouders per schil ("3 · 2 · 1 · 2"). Formats that can draw show those
       * rows' `perSchil` as a small bar figure beside the numbers; the others keep the numbers.
       */
      perSchilColumn?: number
    }
  | { kind: 'kompas' }

/** Baathouders in schil 1…4. */
export type PerSchil = readonly [number, number, number, number]

export const h = (level: 1 | 2 | 3, text: string): DocumentBlock => ({ kind: 'heading', level, text })

export function p(label: string, line: Line | null | undefined): DocumentBlock[] {
  return line ? [{ kind: 'paragraph', label, text: line.text, sources: line.sources }] : []
}

export function text(value: string, sources: string[] = []): DocumentBlock {
  return { kind: 'paragraph', text: value, sources }
}

export function list(items: readonly Item[], ordered = false): DocumentBlock[] {
  return items.length > 0 ? [{ kind: 'list', ordered, items: [...items] }] : []
}

export function table(header: string[], rows: { cells: string[]; sources: string[] }[]): DocumentBlock[] {
  return rows.length > 0 ? [{ kind: 'table', header, rows }] : []
}

/** A heading with its content, or a short "not filled in" line, so empty parts stay visible as gaps. */
export function section(
  level: 2 | 3,
  title: string,
  content: DocumentBlock[],
  empty = 'Nog niet ingevuld.',
): DocumentBlock[] {
  return [h(level, title), ...(content.length > 0 ? content : [todo(empty)])]
}

/** A line that only says what is still to be done. */
export function todo(value: string, sources: string[] = []): DocumentBlock {
  return { kind: 'paragraph', text: value, sources, leeg: true }
}

/**
 * A part of the document whose every line says "not yet" shrinks to its heading and one line of what is still to
 * be done (handreiking: "Houd het kort. Per onderdeel een halve bladzijde volstaat."), instead of a page of
 * empty subsections.
 */
export function shortPart(
  blocks: DocumentBlock[],
  nogTeDoen: string,
): { blocks: DocumentBlock[]; leeg: boolean } {
  const [first] = blocks
  const leeg = blocks.every((b) => b.kind === 'heading' || (b.kind === 'paragraph' && b.leeg === true))
  return leeg && first?.kind === 'heading'
    ? { blocks: [first, todo(`Nog te doen: ${nogTeDoen}`)], leeg: true }
    : { blocks, leeg: false }
}
