// Text for the PDF's standard fonts. pdf-lib's standard 14 fonts (Helvetica) encode text as WinAnsi, which has
// every letter of Dutch but one: the ligature "ĳ" (U+0133), which most keyboards never type but autocorrect and
// pasted text sometimes bring. It is written as the two letters it stands for; any other character outside the
// font loses its accent where it has one, and becomes "?" only when nothing else is left, so no user text can make
// the export throw.

const REPLACEMENTS: Readonly<Record<string, string>> = {
  ĳ: 'ij',
  Ĳ: 'IJ',
  '→': '->',
  '←': '<-',
  '≤': '<=',
  '≥': '>=',
  '\u00A0': ' ',
  '\t': ' ',
}

/** `value` in characters the font can draw (`supported`: its code points), for one line of text. */
export function toFontText(value: string, supported: ReadonlySet<number>): string {
  let out = ''
  for (const ch of value.normalize('NFC')) {
    const code = ch.codePointAt(0)!
    if (supported.has(code)) out += ch
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch]
    else if (code < 0x20 || code === 0x7f) continue
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '')
      out += base && [...base].every((c) => supported.has(c.codePointAt(0)!)) ? base : '?'
    }
  }
  return out
}

/**
 * Breaks text into lines no wider than `width` (as `measure` says), at spaces, and inside a word only when the
 * word alone is wider than a line. Line breaks in the text are kept. The first line is `indent` narrower, for a
 * label drawn before it.
 */
export function wrapText(text: string, width: number, measure: (s: string) => number, indent = 0): string[] {
  const lines: string[] = []
  const fits = (s: string) => measure(s) <= (lines.length === 0 ? width - indent : width)
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = ''
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (fits(candidate)) {
        line = candidate
        continue
      }
      if (line || (lines.length === 0 && indent > 0)) lines.push(line)
      line = ''
      let rest = word
      while (!fits(rest) && rest.length > 1) {
        let cut = rest.length - 1
        while (cut > 1 && !fits(rest.slice(0, cut))) cut--
        lines.push(rest.slice(0, cut))
        rest = rest.slice(cut)
      }
      line = rest
    }
    lines.push(line)
  }
  return lines
}
