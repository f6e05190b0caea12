import type { TenderKeuzeKey } from '../method/sturingskaders.ts'

// Sturingskaders stap 3: the tender steers on what the waardenkompas shows is weak, strong or promising. The
// weakest and strongest values are those with the lowest and highest current score (ties all count), and each
// chosen tenderkeuze becomes award criteria in words a tender can carry.

type Scored = { valueId: string; name: string; current: number }

export function kompasExtremes(
  values: readonly { valueId: string; name: string; current: number | null }[],
): {
  zwakste: Scored[]
  sterkste: Scored[]
} {
  const scored = values.filter((v): v is Scored => v.current !== null)
  if (scored.length < 2) return { zwakste: [], sterkste: [] }
  const min = Math.min(...scored.map((v) => v.current))
  const max = Math.max(...scored.map((v) => v.current))
  if (min === max) return { zwakste: [], sterkste: [] }
  return {
    zwakste: scored.filter((v) => v.current === min),
    sterkste: scored.filter((v) => v.current === max),
  }
}

export function deriveGunningscriteria(
  keuze: TenderKeuzeKey,
  kompas: { zwakste: readonly Scored[]; sterkste: readonly Scored[]; prioritair: readonly string[] },
): string[] {
  switch (keuze) {
    case 'gemiddelde-kwaliteit':
      return kompas.prioritair.length
        ? [`Gunningsmatrix waarin elke prioritaire waarde meetelt: ${kompas.prioritair.join(', ')}.`]
        : []
    case 'zwakke-punten':
      return kompas.zwakste.map(
        (v) => `Extra gewicht voor plannen die ${v.name} versterken (nu het zwakst, score ${v.current}).`,
      )
    case 'sterke-kwaliteiten':
      return kompas.sterkste.map(
        (v) =>
          `Inschrijvers die ${v.name} verder uitbouwen worden beloond (nu het sterkst, score ${v.current}).`,
      )
    case 'programma-en-gebruik':
      return [
        'Naast het ruimtelijk plan en de ondertekening van het Programma van Waarden een programmatische visie: hoe ontmoeting wordt georganiseerd, hoe kwetsbare groepen worden bereikt en hoe participatie in de uitvoering is geborgd.',
      ]
    case 'innovatie':
      return ['Pas toe of leg uit: een andere oplossing telt mee als die aantoonbaar dezelfde waarde dient.']
  }
}
