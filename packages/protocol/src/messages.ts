/** y-websocket message types (first varuint of every frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

/** y-protocols sync sub-types (second varuint of a sync frame). */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const
