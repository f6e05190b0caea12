import { describe, expect, it } from 'vitest'
import { plainTextToRichText, richTextToPlainText } from './richTextToPlainText.ts'

describe('richTextToPlainText', () => {
  it('joins paragraphs with newlines and text runs within a paragraph', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Koele ' },
            { type: 'text', text: 'plekken', marks: [{ type: 'bold' }] },
          ],
        },
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Titel' }] },
      ],
    }
    expect(richTextToPlainText(doc)).toBe('Koele plekken\nTitel')
  })

  it('keeps hard breaks and list items', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'een' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'twee' }] }] },
          ],
        },
      ],
    }
    expect(richTextToPlainText(doc)).toBe('a\nb\neen\ntwee')
  })

  it('tolerates garbage instead of throwing', () => {
    for (const junk of [null, undefined, 42, [], { type: 'doc', content: 'x' }, { content: [{ text: 5 }] }]) {
      expect(richTextToPlainText(junk)).toBe('')
    }
    expect(richTextToPlainText('  legacy text ')).toBe('legacy text')
  })

  it('round-trips plain text', () => {
    expect(richTextToPlainText(plainTextToRichText('regel 1\nregel 2'))).toBe('regel 1\nregel 2')
  })
})
