import type { StandardValueKey } from './values.ts'

// Suggestions, never norms (METHOD.md, "Indicator suggestions per value"). The handreiking itself only points to
// the RIVM/TNO Basisset Indicatoren Gezonde Leefomgeving; these are public, citable facts a card can offer.

export type IndicatorSuggestion = { text: string; source: string }

const RIVM_VUISTREGELS = 'RIVM vuistregels Bewegen, Groen, Ontmoeten (dec. 2025)'
const HANDREIKING = 'Handreiking waardegedreven gezonde gebiedsontwikkeling (voorbeeld PvW)'
const VEILIGHEIDSMONITOR = 'Veiligheidsmonitor (CBS)'
const BREDE_WELVAART = 'CBS Brede Welvaart'

const beweging: IndicatorSuggestion[] = [
  {
    text: 'Minstens 25% van de openbare ruimte vooral voor lopen, fietsen, spelen en sporten',
    source: RIVM_VUISTREGELS,
  },
  { text: 'Speelplek (kinderen tot 12 jaar) binnen 200 m van elke woning', source: RIVM_VUISTREGELS },
  { text: 'Minstens 1 ha aaneengesloten beweeggroen binnen 300 m', source: RIVM_VUISTREGELS },
  { text: 'Minstens 3 soorten sportvoorzieningen binnen 1,5 km', source: RIVM_VUISTREGELS },
]

const groen: IndicatorSuggestion[] = [
  { text: 'Zicht op groen vanuit elke woning', source: RIVM_VUISTREGELS },
  { text: 'Minstens 30% boomkroonbedekking per buurt', source: RIVM_VUISTREGELS },
  { text: 'Groen binnen 300 m', source: RIVM_VUISTREGELS },
  { text: 'Verbonden groennetwerk tegen hitte; de 3-30-300-regel', source: RIVM_VUISTREGELS },
  { text: 'Genoeg koele plekken; gebied niet warmer dan de omgeving', source: RIVM_VUISTREGELS },
  { text: 'Geen woning verder dan 200 m van een koele plek', source: HANDREIKING },
  { text: 'Minstens 40% van het oppervlak groen of waterdoorlatend', source: HANDREIKING },
]

const welzijn: IndicatorSuggestion[] = [
  { text: 'Ervaren gezondheid', source: BREDE_WELVAART },
  { text: 'Tevredenheid met het leven', source: BREDE_WELVAART },
  { text: 'Ervaren regie over het eigen leven', source: BREDE_WELVAART },
  { text: 'Overlast van milieuproblemen in de buurt', source: 'CBS' },
]

export const INDICATOR_SUGGESTIONS: Readonly<Record<StandardValueKey, readonly IndicatorSuggestion[]>> = {
  'actieve-mobiliteit': beweging,
  'gezonde-leefstijl': beweging,
  vergroenen: groen,
  klimaatbestendigheid: groen,
  'sociale-cohesie': [
    { text: 'Elke 125 m een zitplek', source: RIVM_VUISTREGELS },
    { text: 'Stoepen breed genoeg om stil te staan en te praten', source: RIVM_VUISTREGELS },
    { text: 'Score op de schaal sociale cohesie', source: VEILIGHEIDSMONITOR },
    { text: 'Vertrouwen in mensen en vrijwilligerswerk', source: BREDE_WELVAART },
    { text: 'Elke straat heeft een plek om te verblijven zonder iets te hoeven kopen', source: HANDREIKING },
  ],
  'schone-lucht': [{ text: 'Concentraties PM2.5, PM10 en NO2', source: 'Luchtmeetnet' }],
  geluid: [{ text: 'Ernstige geluidhinder en slaapverstoring', source: 'Omgevingsbelevingsonderzoek (OBW)' }],
  veiligheid: [
    { text: 'Aandeel dat zich weleens onveilig voelt in de eigen buurt', source: VEILIGHEIDSMONITOR },
    { text: 'Kinderen tot 12 jaar lopen zelfstandig naar school, speeltuin en winkel', source: HANDREIKING },
  ],
  'nabijheid-voorzieningen': [
    { text: 'Tevredenheid met voorzieningen', source: VEILIGHEIDSMONITOR },
    { text: 'Voorzieningen op loop- en fietsafstand', source: 'Basisset Indicatoren Gezonde Leefomgeving' },
  ],
  'kwaliteit-van-wonen': [
    { text: 'Tevredenheid met de woning', source: 'CBS' },
    { text: 'Woningvoorraad gemengd op blokniveau', source: HANDREIKING },
  ],
  'gezondheid-en-welzijn': welzijn,
  leefbaarheid: welzijn,
}
