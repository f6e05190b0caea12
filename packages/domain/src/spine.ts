// Public surface of the process spine (issue #20): phases and their moves, the phase-aware kwaliteitstoets's
// scopes, the structured cards of the Kansenanalyse, financing, steering and monitoring, their CSV import and the
// two-yearly report. Re-exported from index.ts as named exports.

export type { EvidenceCsvResult, EvidenceCsvRow } from './csv/parseEvidenceCsv.ts'
export { EVIDENCE_CSV_COLUMNS, evidenceSourceOf, parseEvidenceCsv } from './csv/parseEvidenceCsv.ts'
export type { MeasurementCsvResult, MeasurementCsvRow } from './csv/parseMeasurementsCsv.ts'
export { MEASUREMENT_CSV_COLUMNS, parseMeasurementsCsv } from './csv/parseMeasurementsCsv.ts'
export type { CsvErrorCode, CsvProblem, CsvTable } from './csv/readCsv.ts'
export { CSV_ERROR_CODES, CSV_LIMITS, parseDate, parseNumber, readCsv } from './csv/readCsv.ts'
export { emptyParts } from './export/pvwToBlocks.ts'
export type {
  GrondbeleidRegime,
  JuridischeBodemKey,
  KernvraagKey,
  ParcoursMomentKey,
  TenderKeuzeKey,
} from './method/sturingskaders.ts'
export {
  GRONDBELEID_INSTRUMENTEN,
  GRONDBELEID_REGIMES,
  JURIDISCHE_BODEM,
  KERNVRAGEN,
  PARCOURS_MOMENTEN,
  TENDER_KEUZES,
} from './method/sturingskaders.ts'
export type { IndicatorReportRow, TargetStatus, Trend } from './monitoring/indicatorReport.ts'
export {
  better,
  indicatorReport,
  sortedMeasurements,
  TARGET_STATUSES,
  TRENDS,
} from './monitoring/indicatorReport.ts'
export type {
  MovePhaseResult,
  PhaseError,
  PhaseErrorCode,
  PhaseMovePlan,
  PhaseMoveRequest,
  ReplayResult,
} from './phases/movePhase.ts'
export { movePhase, PHASE_ERROR_CODES, planPhaseMove, replayPhaseMoves } from './phases/movePhase.ts'
export { phaseFactsOf } from './phases/phaseFactsOf.ts'
export type {
  PhaseFacts,
  PhaseRequirement,
  PhaseRequirementCode,
  PvwPart,
} from './phases/phaseRequirements.ts'
export { requirementsFor } from './phases/phaseRequirements.ts'
export type { AreaPhase, MethodPhase, PhaseMove, PhaseState } from './phases/phases.ts'
export {
  AREA_PHASE_LABELS,
  AREA_PHASES,
  INITIAL_PHASE_STATE,
  isAreaPhase,
  isMethodPhase,
  METHOD_PHASE_LABELS,
  METHOD_PHASES,
  phaseMoveSchema,
} from './phases/phases.ts'
export type { BuildOptions } from './pvw/buildProgrammaVanWaarden.ts'
export type { CheckScope } from './pvw/checkScopes.ts'
export { CHECK_SCOPES, checkApplies } from './pvw/checkScopes.ts'
export { deriveGunningscriteria, kompasExtremes } from './pvw/deriveGunningscriteria.ts'
export { gebiedsfaseOf, procesfaseOf } from './pvw/faseOf.ts'
export type {
  FeitLine,
  Financiering,
  JuridischeBodemLine,
  KoppelkansLine,
  MonitoringRow,
  OnderbouwingLine,
  Sturing,
  Tender,
} from './pvw/spinePartsSchema.ts'
export type { EvidenceCardProps, EvidenceFigure } from './shapes/evidenceCardShape.ts'
export {
  evidenceCardDefaultProps,
  evidenceCardMigrations,
  evidenceCardPropsSchema,
  evidenceCardShape,
  evidenceFigureSchema,
} from './shapes/evidenceCardShape.ts'
export type {
  FinancieringCardProps,
  FinancieringRoute,
  Levenscyclus,
} from './shapes/financieringCardShape.ts'
export {
  BIJDRAGE_OMVANG,
  BIJDRAGE_VORMEN,
  FINANCIERING_KINDS,
  FINANCIERING_ROUTES,
  financieringCardDefaultProps,
  financieringCardMigrations,
  financieringCardPropsSchema,
  financieringCardShape,
  LEVENSCYCLUS,
} from './shapes/financieringCardShape.ts'
export type {
  IndicatorDirection,
  KernindicatorCardProps,
  Measurement,
} from './shapes/kernindicatorCardShape.ts'
export {
  INDICATOR_DIRECTIONS,
  kernindicatorCardDefaultProps,
  kernindicatorCardMigrations,
  kernindicatorCardPropsSchema,
  kernindicatorCardShape,
  measurementSchema,
} from './shapes/kernindicatorCardShape.ts'
export type { KompasOnderbouwingProps } from './shapes/kompasOnderbouwingShape.ts'
export {
  kompasOnderbouwingDefaultProps,
  kompasOnderbouwingMigrations,
  kompasOnderbouwingPropsSchema,
  kompasOnderbouwingShape,
} from './shapes/kompasOnderbouwingShape.ts'
export type { KoppelkansCardProps } from './shapes/koppelkansCardShape.ts'
export {
  koppelkansCardDefaultProps,
  koppelkansCardMigrations,
  koppelkansCardPropsSchema,
  koppelkansCardShape,
} from './shapes/koppelkansCardShape.ts'
export {
  EVIDENCE_CARD_TYPE,
  FINANCIERING_CARD_TYPE,
  KERNINDICATOR_CARD_TYPE,
  KOMPAS_ONDERBOUWING_TYPE,
  KOPPELKANS_CARD_TYPE,
  STURING_CARD_TYPE,
} from './shapes/shapeTypes.ts'
export type { EvidenceSource } from './shapes/spineFields.ts'
export { EVIDENCE_SOURCE_LABELS, EVIDENCE_SOURCES, partialDateSchema } from './shapes/spineFields.ts'
export { SPINE_SHAPES } from './shapes/spineShapes.ts'
export type { SturingCardOf, SturingCardProps, SturingKind } from './shapes/sturingCardShape.ts'
export {
  ANTWOORDEN,
  BODEM_STATUSES,
  STURING_DEFAULT_PROPS,
  STURING_KINDS,
  sturingCardDefaultProps,
  sturingCardMigrations,
  sturingCardPropsSchema,
  sturingCardShape,
} from './shapes/sturingCardShape.ts'
