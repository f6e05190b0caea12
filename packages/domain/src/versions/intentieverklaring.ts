import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'

// The intentieverklaring (handreiking, Samenwerkingsstrategie stap 6 "Intentieverklaring" and stap 7, and part F
// "Verbinding"): the shareholders commit explicitly to the programme's frame, including its borging until after
// delivery; bewonersvertegenwoordiging and sociaal domein co-sign as independent parties; it is a normative
// anchoring, not a contract. The template fills in this area, its steering values and the borging of part F.

/** "a, b en c" */
export function opsomming(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`
}

/** The intentieverklaring's text for a version of the programme, in paragraphs separated by a blank line. */
export function intentieverklaringTekst(pvw: ProgrammaVanWaarden, versie: number): string {
  const waarden = pvw.B.prioritair.map((v) => v.name.trim()).filter(Boolean)
  const klasse = pvw.fase === 'kansenanalyse' ? 'prioritaire' : 'sturende'
  const rentmeester = [
    ...pvw.D.rentmeesters.map((r) => r.name.trim()),
    pvw.F.rentmeesterschap?.text.trim() ?? '',
  ].filter(Boolean)
  const indicatoren = pvw.F.kernindicatoren.map((k) => k.name.trim()).filter(Boolean)
  const paragraphs = [
    `De ondertekenende partijen verbinden zich als shareholders aan het Programma van Waarden voor ${pvw.gebied}, versie ${versie}, zoals dat ter vaststelling is aangeboden.`,
    `Zij spreken uit dat zij hun eigen doelen en besluiten afstemmen op de gezamenlijke waarden${
      waarden.length > 0 ? `, met als ${klasse} waarden ${opsomming(waarden)}` : ''
    }, en dat zij bereid zijn vanuit dit kader samen te werken, te leren en keuzes te maken.`,
    `Zij verbinden zich niet alleen aan het opstellen van het Programma van Waarden, maar ook aan de borging tot na oplevering: wie welke rol heeft in beheer en gebruik wordt vastgelegd${
      rentmeester.length > 0 ? ` (rentmeesterschap: ${opsomming(rentmeester)})` : ''
    }${
      indicatoren.length > 0 ? `, en de kernindicatoren ${opsomming(indicatoren)} worden samen gevolgd` : ''
    }.`,
    'Bewonersvertegenwoordiging en sociaal domein tekenen als zelfstandige partijen mee.',
    'Deze verklaring is geen contract met juridische verplichtingen, maar een normatieve verankering van de gezamenlijke waarden.',
  ]
  return paragraphs.join('\n\n')
}
