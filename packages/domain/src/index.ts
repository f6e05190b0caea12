// Public surface of @waardentafel/domain. Explicit named exports only; see docs/board-schema.md for the board
// contract and packages/domain/BENCH.md for performance figures.

// Board snapshot and reading
export type {
  BaathouderCard,
  BoardModel,
  Note,
  Placed,
  PvwFrame,
  Template,
  TensionCard,
  ValueCard,
} from './board/BoardModel.ts'
export type { BoardSnapshot, ShapeRecord, Workshop } from './board/boardSnapshotSchema.ts'
export {
  BOARD_SNAPSHOT_FORMAT,
  BOARD_SNAPSHOT_VERSION,
  bindingRecordSchema,
  boardSnapshotSchema,
  shapeRecordSchema,
  workshopSchema,
} from './board/boardSnapshotSchema.ts'
export type { Point, Transform } from './board/geometry.ts'
export { applyTransform, columnAt, composeTransforms, toLocal } from './board/geometry.ts'
export {
  byReadingOrder,
  frameOf,
  prioriteringColumnOf,
  schilOf,
  spanningenStatusOf,
} from './board/placement.ts'
export type { ReadBoardResult } from './board/readBoard.ts'
export { readBoard } from './board/readBoard.ts'
export { plainTextToRichText, richTextToPlainText } from './board/richTextToPlainText.ts'

// Comparing two snapshots of a board
export type {
  BaathouderChange,
  BaathouderChangeKind,
  BoardComparison,
  ComparisonSummary,
  TensionChanges,
  ValueChange,
  ValueChangeKind,
} from './compare/boardComparisonSchema.ts'
export {
  BAATHOUDER_CHANGE_KINDS,
  baathouderChangeSchema,
  boardComparisonSchema,
  comparisonSummarySchema,
  tensionChangesSchema,
  VALUE_CHANGE_KINDS,
  valueChangeSchema,
} from './compare/boardComparisonSchema.ts'
export type { CompareBoardsError, CompareBoardsResult } from './compare/compareBoards.ts'
export { compareBoards } from './compare/compareBoards.ts'
export { describeComparison } from './compare/describeComparison.ts'

// Exports
export type { CoverOptions, DocumentStatus } from './export/blocksCover.ts'
export { DOCUMENT_STATUSES } from './export/blocksCover.ts'
export type { DocumentBlock, PerSchil } from './export/DocumentBlock.ts'
export type { Logo } from './export/documentLogo.ts'
export { LOGO_MAX_BYTES, parseLogo } from './export/documentLogo.ts'
export { exportFileName, UNTITLED_EXPORT_NAME } from './export/exportFileName.ts'
export { perSchilLabel, perSchilScale, perSchilSvg, SCHIL_COLOURS } from './export/perSchilFigure.ts'
export type { DocumentOptions } from './export/pvwToBlocks.ts'
export { pvwToBlocks } from './export/pvwToBlocks.ts'
export { pvwToDocx } from './export/toDocx.ts'
export { pvwToHtml } from './export/toHtml.ts'
export { pvwToJson } from './export/toJson.ts'
export { pvwToMarkdown } from './export/toMarkdown.ts'
export { pvwToPdf } from './export/toPdf.ts'
export { waardenkompasPng } from './export/waardenkompasPng.ts'
export { waardenkompasSvg } from './export/waardenkompasSvg.ts'
export type { Finding, Severity } from './findings.ts'
export { SEVERITIES } from './findings.ts'

// Method data
export type { BaathouderTag, BaathouderType, Schil } from './method/baathouderLibrary.ts'
export { BAATHOUDER_LIBRARY, baathouderType, SCHIL_LABELS } from './method/baathouderLibrary.ts'
export type { IndicatorSuggestion } from './method/indicatorSuggestions.ts'
export { INDICATOR_SUGGESTIONS } from './method/indicatorSuggestions.ts'
export type { Scenario, Sturingsinstrument } from './method/sturingsinstrumenten.ts'
export {
  SCENARIOS,
  STURINGSINSTRUMENT_KEYS,
  STURINGSINSTRUMENTEN,
  sturingsinstrumentLabel,
} from './method/sturingsinstrumenten.ts'
export type { HealthPerspective, StandardValueKey, ValueDefinition, ValueKey } from './method/values.ts'
export { STANDARD_VALUE_KEYS, VALUE_DEFINITIONS, VALUE_KEYS, valueLabel } from './method/values.ts'

// The people's data in a board (AVG): inzage, erasure, and what may leave the board (docs/privacy.md)
export type { PersonMatcher } from './privacy/personName.ts'
export {
  ERASED_PERSON_NAME,
  isSearchablePersonName,
  normalisePersonName,
  PERSON_NAME_MAX,
  PERSON_NAME_MIN,
  personMatcher,
} from './privacy/personName.ts'
export type { PersonInput, PersonMention, RecordsErasure } from './privacy/personRecords.ts'
export {
  eraseInRecords,
  erasePeople,
  erasePerson,
  erasePersonInRecords,
  findPerson,
  knownPeople,
  mentionsInRecords,
  PERSONAL_RECORD_TYPES,
  stripPersonalRecords,
} from './privacy/personRecords.ts'

// Programma van Waarden
export type { PvwFromSnapshotResult } from './pvw/buildProgrammaVanWaarden.ts'
export { buildProgrammaVanWaarden, programmaVanWaardenFromSnapshot } from './pvw/buildProgrammaVanWaarden.ts'
export { faseOf } from './pvw/faseOf.ts'
export type { CheckDefinition, KwaliteitstoetsCode } from './pvw/kwaliteitstoetsChecks.ts'
export { KWALITEITSTOETS_CHECKS } from './pvw/kwaliteitstoetsChecks.ts'
export type {
  BaathouderLine,
  Fase,
  Line,
  PartA,
  PartB,
  PartC,
  PartD,
  PartE,
  PartF,
  ProgrammaVanWaarden,
  Quickscan,
  TensionLine,
  ValueClass,
  ValueLine,
  Waardenkompas,
} from './pvw/programmaVanWaardenSchema.ts'
export {
  FASEN,
  PVW_FORMAT,
  PVW_VERSION,
  programmaVanWaardenSchema,
  quickscanSchema,
  VALUE_CLASSES,
  waardenkompasSchema,
} from './pvw/programmaVanWaardenSchema.ts'
export { runKwaliteitstoets } from './pvw/runKwaliteitstoets.ts'
// Prioritising rounds (asynchronous)
export type { RoundAggregate, RoundParticipantProgress, RoundValueResult } from './rounds/aggregateRound.ts'
export { aggregateRound, disagreementOf } from './rounds/aggregateRound.ts'
export type { MergeablePlacement } from './rounds/mergePlacements.ts'
export { mergePlacements } from './rounds/mergePlacements.ts'
export type { RoundClass, RoundPlacement } from './rounds/RoundPlacement.ts'
export { ROUND_CLASSES } from './rounds/RoundPlacement.ts'
// Shapes: type names, props schemas, defaults, migrations
export type {
  BaathouderCardProps,
  BaathouderRole,
  Contribution,
  ContributionKind,
  Involvement,
  InvolvementLevel,
} from './shapes/baathouderCardShape.ts'
export {
  BAATHOUDER_ROLES,
  baathouderCardDefaultProps,
  baathouderCardMigrations,
  baathouderCardPropsSchema,
  baathouderCardShape,
  CONTRIBUTION_KINDS,
  contributionSchema,
  INVOLVEMENT_LEVEL_LABELS,
  INVOLVEMENT_LEVELS,
  INVOLVEMENTS,
} from './shapes/baathouderCardShape.ts'
export type { Props, PropsMigration, PropsMigrationSequence } from './shapes/migrations.ts'
export {
  bindingMigrationId,
  bindingSequenceKey,
  currentVersion,
  migrateProps,
  shapeMigrationId,
  shapeSequenceKey,
} from './shapes/migrations.ts'
export type { PrioriteringColumn, PrioriteringProps } from './shapes/prioriteringShape.ts'
export {
  PRIORITERING_COLUMN_LABELS,
  PRIORITERING_COLUMNS,
  prioriteringDefaultProps,
  prioriteringMigrations,
  prioriteringPropsSchema,
  prioriteringShape,
} from './shapes/prioriteringShape.ts'
export type {
  PvwFrameAProps,
  PvwFrameCProps,
  PvwFrameEProps,
  PvwFrameFProps,
  PvwFramePart,
  PvwFrameProps,
} from './shapes/pvwFrameShape.ts'
export {
  betrokkenheidSchema,
  instrumentChoiceSchema,
  kernindicatorSchema,
  PVW_FRAME_DEFAULT_PROPS,
  PVW_FRAME_PARTS,
  pvwFrameAPropsSchema,
  pvwFrameCPropsSchema,
  pvwFrameDefaultProps,
  pvwFrameEPropsSchema,
  pvwFrameFPropsSchema,
  pvwFrameMigrations,
  pvwFramePropsSchema,
  pvwFrameShape,
  SCHALEN,
  TYPE_OPGAVEN,
} from './shapes/pvwFrameShape.ts'
export type { ShapeDefinition } from './shapes/ShapeDefinition.ts'
export type { RingPosition, SchillenProps } from './shapes/schillenShape.ts'
export {
  ringAtDistance,
  SCHILLEN_BAND_FRACTION,
  schillenDefaultProps,
  schillenMigrations,
  schillenPropsSchema,
  schillenShape,
} from './shapes/schillenShape.ts'
export {
  BAATHOUDER_CARD_TYPE,
  NOTE_TYPE,
  PRIORITERING_TYPE,
  PVW_FRAME_TYPE,
  SCHILLEN_TYPE,
  SPANNINGEN_TYPE,
  TENSION_CARD_TYPE,
  TENSION_LINK_TYPE,
  VALUE_CARD_TYPE,
} from './shapes/shapeTypes.ts'
export type { SpanningenProps, TensionStatus } from './shapes/spanningenShape.ts'
export {
  SPANNINGEN_COLUMN_LABELS,
  SPANNINGEN_COLUMNS,
  spanningenDefaultProps,
  spanningenMigrations,
  spanningenPropsSchema,
  spanningenShape,
} from './shapes/spanningenShape.ts'
export type { TensionCardProps, TensionPole } from './shapes/tensionCardShape.ts'
export {
  tensionCardDefaultProps,
  tensionCardMigrations,
  tensionCardPropsSchema,
  tensionCardShape,
  tensionPoleSchema,
} from './shapes/tensionCardShape.ts'
export type { TensionLinkProps } from './shapes/tensionLinkBinding.ts'
export {
  tensionLinkBinding,
  tensionLinkDefaultProps,
  tensionLinkMigrations,
  tensionLinkPropsSchema,
} from './shapes/tensionLinkBinding.ts'
export type { BeleidStatus, ValueCardProps } from './shapes/valueCardShape.ts'
export {
  BELEID_STATUSES,
  valueCardDefaultProps,
  valueCardMigrations,
  valueCardPropsSchema,
  valueCardShape,
} from './shapes/valueCardShape.ts'
// The process spine: phases, phase-aware checks, evidence, financing, steering and monitoring cards (spine.ts)
export {
  ANTWOORDEN,
  AREA_PHASE_LABELS,
  AREA_PHASES,
  type AreaPhase,
  BIJDRAGE_OMVANG,
  BIJDRAGE_VORMEN,
  BODEM_STATUSES,
  type BuildOptions,
  better,
  CHECK_SCOPES,
  type CheckScope,
  CSV_ERROR_CODES,
  CSV_LIMITS,
  type CsvErrorCode,
  type CsvProblem,
  type CsvTable,
  checkApplies,
  deriveGunningscriteria,
  EVIDENCE_CARD_TYPE,
  EVIDENCE_CSV_COLUMNS,
  EVIDENCE_SOURCE_LABELS,
  EVIDENCE_SOURCES,
  type EvidenceCardProps,
  type EvidenceCsvResult,
  type EvidenceCsvRow,
  type EvidenceFigure,
  type EvidenceSource,
  emptyParts,
  evidenceCardDefaultProps,
  evidenceCardMigrations,
  evidenceCardPropsSchema,
  evidenceCardShape,
  evidenceFigureSchema,
  evidenceSourceOf,
  type FeitLine,
  FINANCIERING_CARD_TYPE,
  FINANCIERING_KINDS,
  FINANCIERING_ROUTES,
  type Financiering,
  type FinancieringCardProps,
  type FinancieringRoute,
  financieringCardDefaultProps,
  financieringCardMigrations,
  financieringCardPropsSchema,
  financieringCardShape,
  GRONDBELEID_INSTRUMENTEN,
  GRONDBELEID_REGIMES,
  type GrondbeleidRegime,
  gebiedsfaseOf,
  INDICATOR_DIRECTIONS,
  INITIAL_PHASE_STATE,
  type IndicatorDirection,
  type IndicatorReportRow,
  indicatorReport,
  isAreaPhase,
  isMethodPhase,
  JURIDISCHE_BODEM,
  type JuridischeBodemKey,
  type JuridischeBodemLine,
  KERNINDICATOR_CARD_TYPE,
  KERNVRAGEN,
  type KernindicatorCardProps,
  type KernvraagKey,
  KOMPAS_ONDERBOUWING_TYPE,
  KOPPELKANS_CARD_TYPE,
  type KompasOnderbouwingProps,
  type KoppelkansCardProps,
  type KoppelkansLine,
  kernindicatorCardDefaultProps,
  kernindicatorCardMigrations,
  kernindicatorCardPropsSchema,
  kernindicatorCardShape,
  kompasExtremes,
  kompasOnderbouwingDefaultProps,
  kompasOnderbouwingMigrations,
  kompasOnderbouwingPropsSchema,
  kompasOnderbouwingShape,
  koppelkansCardDefaultProps,
  koppelkansCardMigrations,
  koppelkansCardPropsSchema,
  koppelkansCardShape,
  LEVENSCYCLUS,
  type Levenscyclus,
  MEASUREMENT_CSV_COLUMNS,
  METHOD_PHASE_LABELS,
  METHOD_PHASES,
  type Measurement,
  type MeasurementCsvResult,
  type MeasurementCsvRow,
  type MethodPhase,
  type MonitoringRow,
  type MovePhaseResult,
  measurementSchema,
  movePhase,
  type OnderbouwingLine,
  PARCOURS_MOMENTEN,
  type ParcoursMomentKey,
  PHASE_ERROR_CODES,
  type PhaseError,
  type PhaseErrorCode,
  type PhaseFacts,
  type PhaseMove,
  type PhaseMovePlan,
  type PhaseMoveRequest,
  type PhaseRequirement,
  type PhaseRequirementCode,
  type PhaseState,
  type PvwPart,
  parseDate,
  parseEvidenceCsv,
  parseMeasurementsCsv,
  parseNumber,
  partialDateSchema,
  phaseFactsOf,
  phaseMoveSchema,
  planPhaseMove,
  procesfaseOf,
  type ReplayResult,
  readCsv,
  replayPhaseMoves,
  requirementsFor,
  SPINE_SHAPES,
  STURING_CARD_TYPE,
  STURING_DEFAULT_PROPS,
  STURING_KINDS,
  type Sturing,
  type SturingCardOf,
  type SturingCardProps,
  type SturingKind,
  sortedMeasurements,
  sturingCardDefaultProps,
  sturingCardMigrations,
  sturingCardPropsSchema,
  sturingCardShape,
  TARGET_STATUSES,
  type TargetStatus,
  TENDER_KEUZES,
  type Tender,
  type TenderKeuzeKey,
  TRENDS,
  type Trend,
} from './spine.ts'
