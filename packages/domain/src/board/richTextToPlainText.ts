// tldraw stores note text as a TipTap/ProseMirror JSON document. Exports and checks need plain text, and the
// input comes from the network, so this walks `unknown` defensively instead of trusting a type.

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function collect(node: unknown, blocks: string[], current: string[]): void {
  if (!isRecord(node)) return
  if (node.type === 'text' && typeof node.text === 'string') {
    current.push(node.text)
    return
  }
  if (node.type === 'hardBreak') {
    current.push('\n')
    return
  }
  const children = Array.isArray(node.content) ? node.content : []
  if (typeof node.type === 'string' && BLOCK_TYPES.has(node.type)) {
    const own: string[] = []
    const nested: string[] = []
    for (const child of children) collect(child, nested, own)
    const text = own.join('').trim()
    if (text) blocks.push(text)
    blocks.push(...nested)
    return
  }
  for (const child of children) collect(child, blocks, current)
}

/** Plain text of a rich-text document: one line per block (paragraph, heading, list item), trimmed. */
export function richTextToPlainText(richText: unknown): string {
  if (typeof richText === 'string') return richText.trim()
  const blocks: string[] = []
  const loose: string[] = []
  collect(richText, blocks, loose)
  const trailing = loose.join('').trim()
  if (trailing) blocks.push(trailing)
  return blocks.join('\n')
}

/** The inverse for tests and fixtures: a document with one paragraph per line. */
export function plainTextToRichText(text: string): {
  type: 'doc'
  content: { type: 'paragraph'; content?: { type: 'text'; text: string }[] }[]
} {
  return {
    type: 'doc',
    content: text
      .split('\n')
      .map((line) =>
        line
          ? { type: 'paragraph' as const, content: [{ type: 'text' as const, text: line }] }
          : { type: 'paragraph' as const },
      ),
  }
}
