// How the server passes an import's body to the import host (`importHost.ts`): on the host's stdin, in frames.

export const BODY_FRAME_HEADER_BYTES = 8

/**
 * The header of a frame of an import's body on the host's stdin: the import's id and the length of the bytes that
 * follow; length 0 ends the body. The server writes the body's chunks as they are, behind these (no copies, where
 * IPC messages copied them twice on the server's event loop).
 */
export function bodyFrameHeader(id: number, length: number): Buffer {
  const header = Buffer.allocUnsafe(BODY_FRAME_HEADER_BYTES)
  header.writeUInt32BE(id, 0)
  header.writeUInt32BE(length, 4)
  return header
}
