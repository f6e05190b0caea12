// Versions of the Programma van Waarden, the intentieverklaring and comparing versions (issue #19).
export type {
  ProgrammaChange,
  ProgrammaChangeKind,
  ProgrammaComparison,
  ProgrammaSide,
} from './compareProgrammas.ts'
export { compareProgrammas, describeProgrammaChanges, PROGRAMMA_CHANGE_KINDS } from './compareProgrammas.ts'
export { intentieverklaringTekst } from './intentieverklaring.ts'
export type { VersionDocumentInput } from './programmaVersion.ts'
export {
  adoptedBy,
  beoogdeOndertekenaars,
  isZelfstandig,
  pvwWithSignatures,
  versionBlocks,
} from './programmaVersion.ts'
export type {
  AdoptingBody,
  Vaststelling,
  VersionEvent,
  VersionEventKind,
  VersionSignature,
  VersionStatus,
} from './versionTypes.ts'
export {
  ADOPTING_BODIES,
  ADOPTING_BODY_LABELS,
  signerName,
  VERSION_EVENT_KINDS,
  VERSION_STATUSES,
  versionLabel,
} from './versionTypes.ts'
