// The two pieces of the MongoDB wire protocol a load generator needs: an OP_MSG request with one
// kind-0 section, and reading the reply back. Layout: a 16-byte header (int32 messageLength,
// requestID, responseTo, opCode 2013), uint32 flagBits, then sections; kind 0 is one BSON document
// (the command, with `$db`). Servers only compress when the hello asked for it, which ours never does.
import { BSON, type Document } from 'bson';

export const OP_MSG = 2013;
const HEADER_BYTES = 16;
/** Header, flagBits, section kind byte. */
const BODY_START = HEADER_BYTES + 4 + 1;
const CHECKSUM_PRESENT = 1 << 0;

/** Encodes `command` (which must carry `$db`) as one OP_MSG, serialized straight into its buffer. */
export function encodeOpMsg(requestId: number, command: Document): Buffer {
  const message = Buffer.alloc(BODY_START + BSON.calculateObjectSize(command));
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(requestId, 4);
  message.writeInt32LE(0, 8);
  message.writeInt32LE(OP_MSG, 12);
  // flagBits 0 (a reply is wanted) and section kind 0 are already zero.
  BSON.serializeWithBufferAndIndex(command, message, { index: BODY_START });
  return message;
}

export interface Reply {
  responseTo: number;
  body: Document;
}

/** Decodes one complete OP_MSG reply frame; anything else is an error, not a figure. */
export function decodeOpMsg(frame: Buffer): Reply {
  const opCode = frame.readInt32LE(12);
  if (opCode !== OP_MSG) throw new Error(`reply has opCode ${opCode}, expected OP_MSG (${OP_MSG})`);
  const flags = frame.readUInt32LE(HEADER_BYTES);
  const end = flags & CHECKSUM_PRESENT ? frame.length - 4 : frame.length;
  if (frame[HEADER_BYTES + 4] !== 0) throw new Error(`reply starts with section kind ${frame[HEADER_BYTES + 4]}`);
  const size = frame.readInt32LE(BODY_START);
  if (BODY_START + size > end) throw new Error('reply body runs past its frame');
  return { responseTo: frame.readInt32LE(8), body: BSON.deserialize(frame.subarray(BODY_START, BODY_START + size)) };
}

/** Cuts a byte stream into length-prefixed frames (the first int32 of a message is its length). */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Buffer[] = [];
    while (data.length >= 4) {
      const length = data.readInt32LE(0);
      if (length < BODY_START) throw new Error(`reply length ${length} is too small for an OP_MSG`);
      if (data.length < length) break;
      frames.push(data.subarray(0, length));
      data = data.subarray(length);
    }
    this.pending = data;
    return frames;
  }
}
