import type { Line } from '../pvw/programmaVanWaardenSchema.ts'

// A format-neutral outline of the document. Markdown, HTML and DOCX all render these same blocks, so the three
// exports can never disagree on content or order; this is also the accessible text outline of the board.

export type Item = { text: string; sources: string[] }

export type DocumentBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; label?: string; sources: string[] }
  | { kind: 'list'; ordered: boolean; items: Item[] }
  | { kind: 'table'; header: string[]; rows: { cells: string[]; sources: string[] }[] }
  | { kind: 'kompas' }

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
export function section(level: 2 | 3, title: string, content: DocumentBlock[], empty = 'Nog niet ingevuld.') {
  return [h(level, title), ...(content.length > 0 ? content : [text(empty)])]
}
