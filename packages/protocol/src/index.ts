export type {
  ClientConfig,
  CreateBoardRequest,
  CreateBoardResponse,
  RoleLinks,
  SessionResponse,
} from './api.ts'
export {
  ClientConfigSchema,
  CreateBoardRequestSchema,
  CreateBoardResponseSchema,
  RoleLinksSchema,
  SessionResponseSchema,
} from './api.ts'
export * from './boardSetup.ts'
export type { CloseCode, CloseCodeName, CloseReasonName } from './closeCodes.ts'
export { CloseCodes, CloseReasons, describeCloseCode } from './closeCodes.ts'
export type {
  FacilitationAction,
  FacilitationState,
  FollowMe,
  LinkResponse,
  Lock,
  PrivateMode,
  Summon,
  Timer,
} from './facilitation.ts'
export {
  FACILITATION_MAP,
  FacilitationActionSchema,
  FacilitationStateSchema,
  IssueLinkRequestSchema,
  LinkResponseSchema,
  LockSchema,
  PrivateModeSchema,
  RevokeLinksRequestSchema,
  SummonSchema,
  TimerSchema,
} from './facilitation.ts'
export type { ApiErrorBody, HttpErrorCode } from './httpErrors.ts'
export { HttpErrors } from './httpErrors.ts'
export type { JoinCodeResponse, JoinResolveResponse } from './joinCode.ts'
export {
  isJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JoinCodeResponseSchema,
  JoinResolveResponseSchema,
  normaliseJoinCode,
} from './joinCode.ts'
export { MessageType, SyncMessageType } from './messages.ts'
export type { Role } from './roles.ts'
export { canWrite, RoleSchema, Roles } from './roles.ts'
export type {
  ParticipantKeyResponse,
  Placement,
  PutPlacementsRequest,
  Round,
  RoundAction,
  RoundClass,
  RoundReport,
  RoundValueResult,
  SessionSummary,
} from './rounds.ts'
export {
  PARTICIPANT_KEY_HEADER,
  ParticipantKeyResponseSchema,
  ParticipantSchema,
  PlacementSchema,
  PutPlacementsRequestSchema,
  ROUND_CLASSES,
  RoundActionSchema,
  RoundClassSchema,
  RoundReportSchema,
  RoundSchema,
  RoundValueResultSchema,
  SaveSessionRequestSchema,
  SessionSummarySchema,
} from './rounds.ts'
export * from './routes/assetRoutes.ts'
export * from './routes/authRoutes.ts'
export * from './routes/orgRoutes.ts'
export * from './routes/privacyRoutes.ts'
export type {
  HttpMethod,
  PathParams,
  RouteAuth,
  RouteBody,
  RouteDef,
  RouteName,
  RouteParams,
  RouteQuery,
  RouteRequest,
  RouteResponse,
} from './routes/routeTable.ts'
export {
  BoardComparisonJsonSchema,
  BoardSnapshotJsonSchema,
  FacilitationResponseSchema,
  HealthResponseSchema,
  PutPlacementsResponseSchema,
  ROUTE_NAMES,
  Routes,
  routePath,
} from './routes/routeTable.ts'
export * from './routes/versionRoutes.ts'
export type { TokenPayload } from './token.ts'
export { BoardIdSchema, TOKEN_MAX_LENGTH, TokenPayloadSchema } from './token.ts'
export type { AwarenessEntry } from './wire/awareness.ts'
export { isRemoval, readAwarenessEntries } from './wire/awareness.ts'
export type { AwarenessClientVisitor, Frame, FrameProblem, Read, SyncFrame } from './wire/frames.ts'
export {
  encodeAwareness,
  encodeFrame,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  FrameProblems,
  readFrame,
  readSyncMessage,
} from './wire/frames.ts'
export { peekToken, withWholeExpiry } from './wire/peekToken.ts'
