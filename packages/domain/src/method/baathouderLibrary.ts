import type { StandardValueKey } from './values.ts'

// Starter library for baathouder cards: the schillen and examples named in the handreiking (Quickscan stap 3,
// Baathoudersraamwerk, Gnephoek case). Suggested values are where the text links a party to a theme
// (zorgverzekeraar: preventie en groene buurten; waterschap: klimaatadaptatie; corporatie: leefbaarheid, ...).
// It is a starting point for the conversation, not a blueprint: cards may use 'custom'.

export type Schil = 1 | 2 | 3 | 4

export const SCHIL_LABELS: Readonly<Record<Schil, string>> = {
  1: 'Reguliere spelers',
  2: 'Publiek-maatschappelijke belangen',
  3: 'Bewoners en gebruikers',
  4: 'Indirecte financieel-maatschappelijke baathouders',
}

/** Tags the kwaliteitstoets uses to see whether residents and the sociaal domein are at the table. */
export type BaathouderTag = 'bewoners' | 'sociaal-domein'

export type BaathouderType = {
  key: string
  label: string
  ring: Schil
  suggestedValues: readonly StandardValueKey[]
  tags: readonly BaathouderTag[]
}

const t = (
  key: string,
  label: string,
  ring: Schil,
  suggestedValues: readonly StandardValueKey[],
  tags: readonly BaathouderTag[] = [],
): BaathouderType => ({ key, label, ring, suggestedValues, tags })

export const BAATHOUDER_LIBRARY: readonly BaathouderType[] = [
  t('gemeente', 'Gemeente', 1, ['leefbaarheid', 'gezondheid-en-welzijn', 'klimaatbestendigheid']),
  t('ontwikkelaar', 'Ontwikkelaar', 1, ['kwaliteit-van-wonen', 'leefbaarheid']),
  t('bouwer', 'Bouwer', 1, ['kwaliteit-van-wonen']),
  t('investeerder', 'Investeerder', 1, ['kwaliteit-van-wonen', 'leefbaarheid']),
  t('corporatie', 'Woningcorporatie', 1, ['kwaliteit-van-wonen', 'leefbaarheid', 'sociale-cohesie']),
  t(
    'sociaal-domein',
    'Sociaal domein (gemeente)',
    1,
    ['sociale-cohesie', 'gezondheid-en-welzijn'],
    ['sociaal-domein'],
  ),
  t('gemeente-beheer', 'Gemeentelijk beheer', 1, ['vergroenen', 'veiligheid']),
  t('gemeente-gezondheid', 'Gemeentelijk gezondheidsbeleid', 1, [
    'gezondheid-en-welzijn',
    'gezonde-leefstijl',
  ]),
  t('gemeente-sport', 'Gemeentelijk sportbeleid', 1, ['gezonde-leefstijl', 'actieve-mobiliteit']),
  t('gemeente-klimaat', 'Gemeentelijk klimaatbeleid', 1, ['klimaatbestendigheid', 'vergroenen']),
  t(
    'zorg-welzijn',
    'Zorg- en welzijnsorganisatie',
    2,
    ['gezondheid-en-welzijn', 'sociale-cohesie'],
    ['sociaal-domein'],
  ),
  t('ggd', 'GGD', 2, ['gezondheid-en-welzijn', 'schone-lucht', 'geluid', 'gezonde-leefstijl']),
  t('waterschap', 'Waterschap', 2, ['klimaatbestendigheid', 'vergroenen']),
  t('kennisinstelling', 'Kennisinstelling', 2, ['gezondheid-en-welzijn']),
  t('onderwijs', 'Onderwijsinstelling / school', 2, ['sociale-cohesie', 'veiligheid', 'actieve-mobiliteit']),
  t('cultuur', 'Creatieve en culturele sector', 2, ['sociale-cohesie', 'leefbaarheid']),
  t('belangenorganisatie', 'Belangenorganisatie', 2, ['leefbaarheid']),
  t('natuurorganisatie', 'Natuurorganisatie', 2, ['vergroenen', 'klimaatbestendigheid']),
  t('provincie', 'Provincie', 2, ['actieve-mobiliteit', 'klimaatbestendigheid']),
  t('werkgever', 'Werkgever', 2, ['gezonde-leefstijl', 'actieve-mobiliteit', 'gezondheid-en-welzijn']),
  t(
    'bewoners',
    'Bewoners / inwoners',
    3,
    ['leefbaarheid', 'sociale-cohesie', 'gezondheid-en-welzijn'],
    ['bewoners'],
  ),
  t('omwonenden', 'Omwonenden', 3, ['leefbaarheid', 'geluid', 'veiligheid'], ['bewoners']),
  t(
    'bewonersvereniging',
    'Bewonersvereniging / -vertegenwoordiging',
    3,
    ['leefbaarheid', 'sociale-cohesie'],
    ['bewoners'],
  ),
  t('gemeenschap', 'Gemeenschap', 3, ['sociale-cohesie'], ['bewoners']),
  t('bezoekers', 'Bezoekers en gebruikers', 3, ['nabijheid-voorzieningen', 'actieve-mobiliteit']),
  t('ondernemers', 'Lokale ondernemers', 3, ['sociale-cohesie', 'nabijheid-voorzieningen']),
  t('zorgverzekeraar', 'Zorgverzekeraar', 4, ['gezondheid-en-welzijn', 'gezonde-leefstijl', 'vergroenen']),
  t('pensioenfonds', 'Pensioenfonds', 4, ['kwaliteit-van-wonen']),
  t('schadeverzekeraar', 'Schadeverzekeraar', 4, ['klimaatbestendigheid', 'veiligheid']),
  t('duurzame-financier', 'Financier met duurzaamheidsfocus', 4, ['klimaatbestendigheid', 'vergroenen']),
  t('fonds', 'Natuur- of gezondheidsfonds', 4, ['vergroenen', 'gezondheid-en-welzijn']),
  t('subsidieverstrekker', 'Subsidieverstrekker', 4, ['klimaatbestendigheid', 'gezondheid-en-welzijn']),
  t('natuur', 'De natuur', 4, ['vergroenen', 'klimaatbestendigheid']),
  t('toekomstige-generaties', 'Toekomstige generaties', 4, ['klimaatbestendigheid', 'gezondheid-en-welzijn']),
]

const BY_KEY = new Map(BAATHOUDER_LIBRARY.map((b) => [b.key, b]))

export function baathouderType(key: string): BaathouderType | undefined {
  return BY_KEY.get(key)
}
