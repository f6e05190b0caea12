// Characters XML 1.0 forbids (C0 controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF). One of
// them in a card makes a DOCX that Word refuses to open and an SVG no viewer shows, and Markdown readers turn
// NUL into U+FFFD, so every export drops them from user text. A lone CR (old Mac text) would be a line break to
// one reader and none to another, so line breaks are made one kind.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this is for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** User text with the characters no export format can carry removed, and every line break as `\n`. */
export function cleanText(value: string): string {
  return value.replace(NOT_XML, '').replace(/\r\n?/g, '\n')
}

/** Text for XML and HTML, in element content and in double- or single-quoted attribute values alike. */
export function escapeXml(value: string): string {
  return cleanText(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}
