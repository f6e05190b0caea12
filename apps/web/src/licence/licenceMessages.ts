/** The home page's word to an organiser whose instance has no tldraw licence key, Dutch first. */
export const licenceNl = {
  title: 'Licentiesleutel van tldraw ontbreekt',
  body:
    'Voor wie deze installatie beheert: het bord is gebouwd op tldraw, dat op een eigen domein een licentiesleutel ' +
    'vraagt. Zonder sleutel staat op elk bord "Get a license for production". Zet TLDRAW_LICENSE_KEY in de omgeving ' +
    'van de server en start die opnieuw; opnieuw bouwen is niet nodig (zie docs/operations.md).',
}

export const licenceEn: typeof licenceNl = {
  title: 'tldraw licence key missing',
  body:
    'For whoever runs this instance: the board is built on tldraw, which asks for a licence key on a domain of your ' +
    'own. Without one, every board shows "Get a license for production". Set TLDRAW_LICENSE_KEY in the server\'s ' +
    'environment and restart it; no rebuild is needed (see docs/operations.md).',
}
