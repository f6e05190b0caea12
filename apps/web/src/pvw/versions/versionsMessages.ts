import type { i18n as I18n } from 'i18next'

/** UI text of the PvW panel's "Versies" section, Dutch first (issue #19). */
export const versionsNl = {
  title: 'Versies',
  intro:
    'Het concept is het bord zoals het nu is. Bied het ter vaststelling aan: dan leest iedereen dezelfde, bevroren tekst, die de partijen ondertekenen en het college vaststelt.',
  none: 'Nog geen versies. Het concept is het bord zelf.',
  freeze: 'Ter vaststelling aanbieden',
  frozen: 'Versie {{number}} staat ter vaststelling.',
  version: 'Versie {{number}}',
  statuses: { 'ter vaststelling': 'ter vaststelling', vastgesteld: 'vastgesteld' },
  adoptedBy: 'vastgesteld op {{datum}} door {{orgaan}}',
  signatures_one: '{{count}} handtekening',
  signatures_other: '{{count}} handtekeningen',
  open: 'Bekijk versie {{number}}',
  closeVersion: 'Verberg',
  downloadAs: 'Download versie {{number}} als',
  archive: 'Archief (Woo/Archiefwet)',
  intentieverklaring: 'Intentieverklaring',
  signedBy: 'Ondertekend door',
  noSignatures: 'Nog niemand heeft deze versie ondertekend.',
  notYet: 'Nog niet getekend: {{names}}',
  history: 'Geschiedenis',
  table: { name: 'Naam', organisation: 'Organisatie', partij: 'Namens', mandate: 'Mandaat', datum: 'Datum' },
  independent: 'zelfstandige partij',
  sign: {
    title: 'Intentieverklaring ondertekenen',
    help: 'Onderteken vanaf je eigen link, namens de partij die je vertegenwoordigt. Eén handtekening per apparaat.',
    name: 'Naam',
    organisation: 'Organisatie',
    mandate: 'Mandaat (bijvoorbeeld wethouder, directeur)',
    partij: 'Namens',
    ownOrganisation: 'mijn organisatie',
    submit: 'Ondertekenen',
    done: 'Je hebt deze versie ondertekend.',
  },
  adopt: {
    title: 'Vaststelling vastleggen',
    datum: 'Datum van vaststelling',
    orgaan: 'Vastgesteld door',
    orgaanNaam: 'Naam van het orgaan',
    bodies: { college: 'College van B en W', gebiedscoalitie: 'Gebiedscoalitie', anders: 'Ander orgaan' },
    submit: 'Markeer als vastgesteld',
  },
  compare: {
    title: 'Versies vergelijken',
    from: 'Van',
    to: 'Naar',
    concept: 'concept (het bord nu)',
    submit: 'Vergelijk',
  },
  errors: {
    ALREADY_SIGNED: 'Dit apparaat heeft deze versie al ondertekend.',
    VERSION_CLOSED: 'Deze versie is vastgesteld en verandert niet meer.',
    VERSION_NOT_FOUND: 'Deze versie bestaat niet (meer).',
    FORBIDDEN: 'Dat mag met deze link niet.',
    INVALID_BODY: 'Vul alle velden in.',
    generic: 'Dat lukte niet. Probeer het opnieuw.',
  },
}

export const versionsEn: typeof versionsNl = {
  title: 'Versions',
  intro:
    'The draft is the board as it is now. Offer it for adoption: everyone then reads the same, frozen text, which the parties sign and the council adopts.',
  none: 'No versions yet. The draft is the board itself.',
  freeze: 'Offer for adoption',
  frozen: 'Version {{number}} is offered for adoption.',
  version: 'Version {{number}}',
  statuses: { 'ter vaststelling': 'for adoption', vastgesteld: 'adopted' },
  adoptedBy: 'adopted on {{datum}} by {{orgaan}}',
  signatures_one: '{{count}} signature',
  signatures_other: '{{count}} signatures',
  open: 'View version {{number}}',
  closeVersion: 'Hide',
  downloadAs: 'Download version {{number}} as',
  archive: 'Archive (Woo/Archives Act)',
  intentieverklaring: 'Declaration of intent',
  signedBy: 'Signed by',
  noSignatures: 'Nobody has signed this version yet.',
  notYet: 'Not signed yet: {{names}}',
  history: 'History',
  table: {
    name: 'Name',
    organisation: 'Organisation',
    partij: 'On behalf of',
    mandate: 'Mandate',
    datum: 'Date',
  },
  independent: 'independent party',
  sign: {
    title: 'Sign the declaration of intent',
    help: 'Sign from your own link, on behalf of the party you represent. One signature per device.',
    name: 'Name',
    organisation: 'Organisation',
    mandate: 'Mandate (for example alderman, director)',
    partij: 'On behalf of',
    ownOrganisation: 'my organisation',
    submit: 'Sign',
    done: 'You have signed this version.',
  },
  adopt: {
    title: 'Record the adoption',
    datum: 'Date of adoption',
    orgaan: 'Adopted by',
    orgaanNaam: 'Name of the body',
    bodies: { college: 'Municipal executive', gebiedscoalitie: 'Area coalition', anders: 'Other body' },
    submit: 'Mark as adopted',
  },
  compare: {
    title: 'Compare versions',
    from: 'From',
    to: 'To',
    concept: 'draft (the board now)',
    submit: 'Compare',
  },
  errors: {
    ALREADY_SIGNED: 'This device has already signed this version.',
    VERSION_CLOSED: 'This version is adopted and no longer changes.',
    VERSION_NOT_FOUND: 'This version does not exist (any more).',
    FORBIDDEN: 'This link may not do that.',
    INVALID_BODY: 'Fill in every field.',
    generic: 'That did not work. Please try again.',
  },
}

/** The section's texts join the app's translations (key `versions`) once, in Dutch and English. */
export function registerVersionMessages(i18n: I18n): void {
  if (i18n.hasResourceBundle('nl', 'translation') && i18n.exists('versions.title', { lng: 'nl' })) return
  i18n.addResourceBundle('nl', 'translation', { versions: versionsNl }, true, false)
  i18n.addResourceBundle('en', 'translation', { versions: versionsEn }, true, false)
}
