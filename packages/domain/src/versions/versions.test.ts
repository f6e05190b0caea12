import { describe, expect, it } from 'vitest'
import { loadFixture, pvwOf } from '../../test/support/loadFixture.ts'
import { pvwToMarkdown } from '../export/toMarkdown.ts'
import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import { compareProgrammas } from './compareProgrammas.ts'
import { intentieverklaringTekst } from './intentieverklaring.ts'
import { isZelfstandig, pvwWithSignatures, versionBlocks } from './programmaVersion.ts'
import type { VersionSignature } from './versionTypes.ts'

const voorbeeld = () => pvwOf(loadFixture('handreiking-voorbeeld'))

const sign = (over: Partial<VersionSignature> = {}): VersionSignature => ({
  name: 'Anna de Vries',
  organisation: 'GGD',
  mandate: 'directeur publieke gezondheid',
  partij: 'GGD',
  zelfstandig: false,
  datum: '2026-12-07',
  ...over,
})

/** The example with its first secundaire value made prioritair (Quickscan words: meekoppelen → sturend). */
function promoted(pvw: ProgrammaVanWaarden): { pvw: ProgrammaVanWaarden; name: string } {
  const copy = structuredClone(pvw)
  const [moved, ...rest] = copy.B.secundair
  if (!moved) throw new Error('fixture has no secundaire value')
  copy.B.secundair = rest
  copy.B.prioritair = [...copy.B.prioritair, { ...moved, klasse: 'prioritair' }]
  return { pvw: copy, name: moved.name }
}

describe('comparing versions of a Programma van Waarden', () => {
  it('[VC1] names a value changing class in the words of the phase, a reworded ambition, a shareholder added and a signature added', () => {
    const before = voorbeeld()
    const { pvw: after, name } = promoted(before)
    const first = after.B.ambities[0]
    if (!first) throw new Error('fixture has no ambition')
    first.text = 'Elke woning binnen 200 meter van een koele plek.'
    const shareholder = {
      ...(after.D.nietGekoppeld[0] ?? after.D.overigeShareholders[0]),
      baathouderId: 'shape:nieuw',
      name: 'Zorgverzekeraar Zuid',
      organisation: '',
    }
    after.D.overigeShareholders = [...after.D.overigeShareholders, shareholder as never]
    const result = compareProgrammas({ pvw: before, signatures: [] }, { pvw: after, signatures: [sign()] })
    const texts = result.changes.map((c) => c.text)
    const words = before.fase === 'quickscan' ? ['meekoppelen', 'sturend'] : ['secundair', 'prioritair']
    expect(texts).toContain(`${name}: ${words[0]} → ${words[1]}`)
    expect(texts.some((t) => t.startsWith(`Ambitie bij ${first.valueName} herschreven:`))).toBe(true)
    expect(texts).toContain('Shareholder toegevoegd: Zorgverzekeraar Zuid')
    expect(texts).toContain('Getekend door Anna de Vries (GGD)')
    expect(result.summary).toMatch(
      /^1 waarde van klasse veranderd, 1 ambitie anders, 1 shareholder erbij of eraf/,
    )
  })

  it('[VC2] a version compared with itself has no changes, and read backwards every addition is a removal', () => {
    const before = voorbeeld()
    expect(compareProgrammas({ pvw: before }, { pvw: before }).changes).toEqual([])
    const after = structuredClone(before)
    const removed = after.D.overigeShareholders.pop() ?? after.D.kernwaarden[0]?.shareholders.pop()
    const forward = compareProgrammas({ pvw: before }, { pvw: after })
    const backward = compareProgrammas({ pvw: after }, { pvw: before })
    if (removed) {
      expect(forward.changes.map((c) => c.kind)).toContain('shareholder-verwijderd')
      expect(backward.changes.map((c) => c.kind)).toContain('shareholder-toegevoegd')
    }
    expect(forward.changes).toHaveLength(backward.changes.length)
    // The live concept is never signed: a version compared with it reports no signature as gone.
    const signed = compareProgrammas({ pvw: before, signatures: [sign()] }, { pvw: before })
    expect(signed.changes).toEqual([])
  })
})

describe('the intentieverklaring', () => {
  it('[VC3] the template commits the shareholders to the programme and to borging tot na oplevering, names the steering values and the independent parties', () => {
    const pvw = voorbeeld()
    const tekst = intentieverklaringTekst(pvw, 2)
    expect(tekst).toContain(`Programma van Waarden voor ${pvw.gebied}, versie 2`)
    expect(tekst).toContain('borging tot na oplevering')
    expect(tekst).toContain(
      'Bewonersvertegenwoordiging en sociaal domein tekenen als zelfstandige partijen mee.',
    )
    for (const v of pvw.B.prioritair) expect(tekst).toContain(v.name)
  })

  it('[VC4] the signatory checks read the real signatures: none signed, none independent, or an independent party signed', () => {
    const pvw = voorbeeld()
    const codes = (p: ProgrammaVanWaarden) => p.kwaliteitstoets.map((f) => f.code)
    expect(codes(pvwWithSignatures(pvw, []))).toContain('PVW-F-NO-SIGNATORIES')
    const gemeenteOnly = pvwWithSignatures(pvw, [sign()])
    expect(codes(gemeenteOnly)).toContain('PVW-F-SIGNATORIES-NOT-INDEPENDENT')
    expect(gemeenteOnly.F.ondertekenaars.map((o) => o.name)).toEqual(['Anna de Vries (GGD)'])
    const bewoners = pvwWithSignatures(pvw, [
      sign(),
      sign({ name: 'Piet', organisation: 'Bewonersraad', partij: 'Bewonersraad', zelfstandig: true }),
    ])
    expect(codes(bewoners)).not.toContain('PVW-F-SIGNATORIES-NOT-INDEPENDENT')
    expect(codes(bewoners)).not.toContain('PVW-F-NO-SIGNATORIES')
  })

  it('[VC5] whether a party signs as an independent party follows the frozen programme, not the signer', () => {
    const pvw = voorbeeld()
    const independent = pvw.F.ondertekenaars.find((o) => o.zelfstandig)
    const other = pvw.F.ondertekenaars.find((o) => !o.zelfstandig)
    if (independent) expect(isZelfstandig(pvw, independent.name.toUpperCase())).toBe(true)
    if (other) expect(isZelfstandig(pvw, other.name)).toBe(false)
    expect(isZelfstandig(pvw, 'Een partij die niet op het bord staat')).toBe(false)
  })

  it('[VC6] the document of a version carries the intentieverklaring, a signatures table, who has not signed yet and the history', () => {
    const pvw = voorbeeld()
    const signatures = [
      sign({ name: 'Jan Jansen', organisation: 'Waterschap', partij: 'Waterschap', mandate: 'dijkgraaf' }),
    ]
    const md = pvwToMarkdown(pvwWithSignatures(pvw, signatures), {
      status: 'ter vaststelling',
      versie: 'versie 1',
      afterParts: versionBlocks({
        number: 1,
        status: 'ter vaststelling',
        intentieverklaring: intentieverklaringTekst(pvw, 1),
        beoogd: [{ name: 'Bewonersraad', zelfstandig: true }],
        signatures,
        vaststelling: null,
        history: [{ kind: 'bevroren', at: Date.UTC(2026, 11, 7), text: 'Ter vaststelling aangeboden' }],
      }),
    })
    expect(md).toContain('## Intentieverklaring')
    expect(md).toContain('| Jan Jansen | Waterschap | Waterschap | dijkgraaf | 2026-12-07 |')
    expect(md).toContain('**Nog niet getekend:** Bewonersraad (zelfstandige partij)')
    expect(md).toContain('| 2026-12-07 | Ter vaststelling aangeboden |')
    expect(md).toContain('**Status:** ter vaststelling')
    expect(md.indexOf('## Intentieverklaring')).toBeGreaterThan(md.indexOf('Borging en doorwerking'))
  })
})
