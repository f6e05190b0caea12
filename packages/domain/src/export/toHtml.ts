import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import type { DocumentBlock, PerSchil } from './DocumentBlock.ts'
import { escapeXml as esc } from './escape.ts'
import { perSchilScale, perSchilSvg } from './perSchilFigure.ts'
import { type DocumentOptions, pvwDocument } from './pvwToBlocks.ts'
import { waardenkompasSvg } from './waardenkompasSvg.ts'

// Print-ready standalone HTML: no external assets, so it can be mailed, archived and printed to PDF as is.
// `data-sources` keeps every line traceable to its board cards, invisible to readers.

const CSS = `
body{font-family:Helvetica,Arial,sans-serif;line-height:1.45;color:#1d1d1b;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.7rem;border-bottom:3px solid #1f6f8b;padding-bottom:.3rem}
h2{font-size:1.3rem;color:#1f6f8b;margin-top:2rem}
h3{font-size:1.05rem;margin-bottom:.3rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #bbb;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#eef5f7}
figure{margin:1rem 0;text-align:center}
.logo{max-height:4rem;max-width:14rem;display:block;margin-bottom:1rem}
svg.schillen{display:block;margin-top:.2rem}
.leeg{color:#777;font-style:italic}
@media print{
  body{margin:0;max-width:none;font-size:10.5pt}
  h2{break-before:page}
  h2:first-of-type{break-before:auto}
  h2,h3{break-after:avoid}
  table,figure,li{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}
@page{size:A4;margin:18mm 16mm}
`

const src = (sources: readonly string[]) =>
  sources.length ? ` data-sources="${esc(sources.join(' '))}"` : ''
const multiline = (s: string) => esc(s).replace(/\r?\n/g, '<br>')

function render(block: DocumentBlock, pvw: ProgrammaVanWaarden): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${esc(block.text)}</h${block.level}>`
    case 'paragraph': {
      const label = block.label ? `<strong>${esc(block.label)}:</strong> ` : ''
      const leeg = block.leeg ? ' class="leeg"' : ''
      return `<p${leeg}${src(block.sources)}>${label}${multiline(block.text)}</p>`
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul'
      return `<${tag}>${block.items.map((i) => `<li${src(i.sources)}>${multiline(i.text)}</li>`).join('')}</${tag}>`
    }
    case 'table': {
      const max = perSchilScale(block)
      const cell = (c: string, i: number, perSchil: PerSchil | undefined) =>
        perSchil && i === block.perSchilColumn
          ? `<td>${multiline(c)}<br>${perSchilSvg(perSchil, max)}</td>`
          : `<td>${multiline(c)}</td>`
      return `<table><thead><tr>${block.header.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map((r) => `<tr${src(r.sources)}>${r.cells.map((c, i) => cell(c, i, r.perSchil)).join('')}</tr>`)
        .join('')}</tbody></table>`
    }
    case 'kompas':
      return `<figure>${waardenkompasSvg(pvw.waardenkompas)}<figcaption>Waardenkompas: huidige situatie tegenover potentieel per waarde (0–5).</figcaption></figure>`
  }
}

/** The Programma van Waarden as one standalone, print-ready HTML document. */
export function pvwToHtml(pvw: ProgrammaVanWaarden, options: DocumentOptions = {}): string {
  const { blocks, logo } = pvwDocument(pvw, options)
  // The data URL was checked by parseLogo: base64 characters only, safe inside a quoted attribute.
  const cover = logo ? `<img class="logo" src="${logo.dataUrl}" alt="Logo">\n` : ''
  const body = cover + blocks.map((b) => render(b, pvw)).join('\n')
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Waardentafel (${esc(pvw.format)} v${pvw.version})">
<title>${esc(`Programma van Waarden: ${pvw.gebied}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`
}
