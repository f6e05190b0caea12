// The Sturingskaders instrument (handreiking H3 "Instrumenten", and Bijlage A) as data for the sturing cards:
// the beleidstoets's four kernvragen, the regieruimte per grondbeleid (A.5), the sturingsparcours's six moments,
// the five tenderkeuzes and the juridische bodem (A.1–A.3).

export const KERNVRAGEN = [
  {
    key: 'omgevingsvisie',
    vraag: 'Bevat de omgevingsvisie expliciete gezondheidsambities als keuze, niet als wens?',
    /** The answer that asks for attention first. */
    zorg: 'nee',
  },
  {
    key: 'omgevingsprogramma',
    vraag:
      'Is er een omgevingsprogramma rondom gezondheid, of een gebiedsgericht programma met gezondheidsfocus?',
    zorg: 'nee',
  },
  {
    key: 'grondbeleid',
    vraag: 'Stuurt het grondbeleid alleen op hoogste opbrengsten?',
    zorg: 'ja',
  },
  {
    key: 'sectoraal',
    vraag:
      'Sluit sectoraal beleid (gezondheidsnota, mobiliteit, klimaat en groen, sport en bewegen) aan op de omgevingsvisie?',
    zorg: 'nee',
  },
] as const
export type KernvraagKey = (typeof KERNVRAGEN)[number]['key']
export const KERNVRAAG_KEYS = KERNVRAGEN.map((k) => k.key) as [KernvraagKey, ...KernvraagKey[]]

export const GRONDBELEID_REGIMES = ['actief', 'faciliterend'] as const
export type GrondbeleidRegime = (typeof GRONDBELEID_REGIMES)[number]

/** Bijlage A.5: what each regime makes available, per subject. */
export const GRONDBELEID_INSTRUMENTEN = [
  {
    key: 'sturingsroute',
    onderwerp: 'Primaire sturingsroute',
    actief: 'Publiekrechtelijk plus privaatrechtelijk (uitgifte)',
    faciliterend: 'Privaatrechtelijk via overeenkomsten',
  },
  {
    key: 'ambities-vooraf',
    onderwerp: 'Vastleggen gezondheidsambities vooraf',
    actief: 'Uitgiftevoorwaarden, selectiecriteria, grondexploitatie',
    faciliterend: 'Intentieovereenkomst, samenwerkingsovereenkomst, anterieure overeenkomst',
  },
  {
    key: 'tender',
    onderwerp: 'Tender en aanbesteding',
    actief: "Volledige regie via gunningscriteria (EMVI, KPI's)",
    faciliterend: 'Beperkte regie; via convenanten en prestatieafspraken',
  },
  {
    key: 'vergunningsfase',
    onderwerp: 'Borging in vergunningsfase',
    actief: 'Omgevingsplan plus contractuele eisen',
    faciliterend: 'Omgevingsplan plus anterieure overeenkomst',
  },
  {
    key: 'bovenwijks',
    onderwerp: 'Bovenwijkse bijdragen',
    actief: 'Direct via grondexploitatie',
    faciliterend: 'Vrijwillig, mits grondslag in gebiedsprogramma',
  },
] as const
export type GrondbeleidInstrumentKey = (typeof GRONDBELEID_INSTRUMENTEN)[number]['key']
export const GRONDBELEID_INSTRUMENT_KEYS = GRONDBELEID_INSTRUMENTEN.map((g) => g.key) as [
  GrondbeleidInstrumentKey,
  ...GrondbeleidInstrumentKey[],
]

/** Sturingskaders stap 1, the sturingsparcours: six moments in order, each with its most powerful instrument. */
export const PARCOURS_MOMENTEN = [
  { key: 'vroegste-fase', moment: 'Vroegste fase', instrument: 'Omgevingsvisie en omgevingsprogramma' },
  { key: 'initiatief', moment: 'Initiatief en verkenning', instrument: 'Intentieovereenkomst' },
  { key: 'planvorming', moment: 'Planvorming en samenwerking', instrument: 'Samenwerkingsovereenkomst' },
  { key: 'planologisch', moment: 'Planologische besluitvorming', instrument: 'Omgevingsplan' },
  { key: 'grondtransactie', moment: 'Grondtransactie en afsluiting', instrument: 'Anterieure overeenkomst' },
  { key: 'vergunning', moment: 'Vergunningverlening', instrument: 'Omgevingsvergunning' },
] as const
export type ParcoursMomentKey = (typeof PARCOURS_MOMENTEN)[number]['key']
export const PARCOURS_MOMENT_KEYS = PARCOURS_MOMENTEN.map((m) => m.key) as [
  ParcoursMomentKey,
  ...ParcoursMomentKey[],
]

/** Sturingskaders stap 3: the five choices for the tender. */
export const TENDER_KEUZES = [
  { key: 'gemiddelde-kwaliteit', label: 'Stuur op gemiddelde kwaliteit verhogen' },
  { key: 'zwakke-punten', label: 'Stuur op het versterken van zwakke punten' },
  { key: 'sterke-kwaliteiten', label: 'Stuur op uitbouwen van sterke kwaliteiten' },
  { key: 'programma-en-gebruik', label: 'Stuur op programma en gebruik' },
  { key: 'innovatie', label: 'Bied ruimte voor innovatieve oplossingen ("pas toe of leg uit")' },
] as const
export type TenderKeuzeKey = (typeof TENDER_KEUZES)[number]['key']
export const TENDER_KEUZE_KEYS = TENDER_KEUZES.map((k) => k.key) as [TenderKeuzeKey, ...TenderKeuzeKey[]]

/** Bijlage A.1–A.3 ("Wat ligt er al juridisch?"): the legal floor, as a checklist. */
export const JURIDISCHE_BODEM = [
  {
    key: 'omgevingswaarden',
    label: 'Omgevingswaarden (art. 2.9–2.15a Ow, Bkl): geluid, lucht, externe veiligheid',
  },
  { key: 'project-mer', label: "MER met 'Bevolking en menselijke gezondheid' (Omgevingsbesluit art. 11.16)" },
  { key: 'plan-mer', label: 'Plan-MER / strategische milieubeoordeling (art. 16.34–16.42b Ow)' },
  { key: 'ggd-advies', label: 'GGD-advies medische milieukunde (art. 14–16 Wpg)' },
  {
    key: 'gezondheidsnota',
    label: 'Gemeentelijke gezondheidsnota (art. 13 Wpg) sluit aan op de omgevingsvisie',
  },
] as const
export type JuridischeBodemKey = (typeof JURIDISCHE_BODEM)[number]['key']
export const JURIDISCHE_BODEM_KEYS = JURIDISCHE_BODEM.map((j) => j.key) as [
  JuridischeBodemKey,
  ...JuridischeBodemKey[],
]
