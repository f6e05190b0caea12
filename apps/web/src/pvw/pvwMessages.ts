/** UI text of the Programma van Waarden panel, Dutch first. */
export const pvwNl = {
  title: 'Programma van Waarden',
  close: 'Sluiten',
  download: 'Downloaden',
  withToets: 'Kwaliteitstoets als bijlage (voor het kernteam)',
  checks: 'Kwaliteitstoets',
  noFindings: 'Geen opmerkingen: het programma voldoet aan de tips uit de handreiking.',
  showCards_one: 'toon kaart',
  showCards_other: 'toon {{count}} kaarten',
  kompasAlt:
    'Waardenkompas: per waarde de huidige situatie tegenover de potentie. De cijfers staan in de tabel.',
  severity: { error: 'Fout', warning: 'Let op', info: 'Tip' },
}

export const pvwEn: typeof pvwNl = {
  title: 'Programme of Values',
  close: 'Close',
  download: 'Download',
  withToets: 'Quality check as an annex (for the core team)',
  checks: 'Quality check',
  noFindings: 'No remarks: the programme follows the guide’s tips.',
  showCards_one: 'show card',
  showCards_other: 'show {{count}} cards',
  kompasAlt:
    'Value compass: per value the current situation against the potential. The figures are in the table.',
  severity: { error: 'Error', warning: 'Attention', info: 'Tip' },
}
