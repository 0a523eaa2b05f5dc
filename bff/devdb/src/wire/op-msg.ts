// OP_MSG: flag bits, then sections. Kind 0 is the command body; kind 1 is a document sequence
// (the driver sends insertMany/bulk documents this way), merged into the body under its name.
import { BSON, type Document } from 'bson';
import { HEADER_BYTES, OP_MSG, ProtocolError, writeHeader } from './opcodes';

const CHECKSUM_PRESENT = 1 << 0;
const MORE_TO_COME = 1 << 1;

export interface ParsedMsg {
  command: Document;
  moreToCome: boolean;
}

export function parseOpMsg(body: Buffer): ParsedMsg {
  if (body.length < 5) throw new ProtocolError('OP_MSG too short');
  const flags = body.readUInt32LE(0);
  // The CRC-32C trailer is tolerated, not verified: TCP already protects local traffic.
  const end = flags & CHECKSUM_PRESENT ? body.length - 4 : body.length;
  let at = 4;
  let command: Document | null = null;
  const sequences: [string, Document[]][] = [];
  while (at < end) {
    const kind = body[at++];
    if (kind === 0) {
      const size = readSize(body, at, end);
      command = BSON.deserialize(body.subarray(at, at + size));
      at += size;
    } else if (kind === 1) {
      const size = readSize(body, at, end);
      const sectionEnd = at + size;
      const nameEnd = body.indexOf(0, at + 4);
      if (nameEnd < 0 || nameEnd >= sectionEnd) throw new ProtocolError('bad document sequence identifier');
      const name = body.toString('utf8', at + 4, nameEnd);
      const docs: Document[] = [];
      let cursor = nameEnd + 1;
      while (cursor < sectionEnd) {
        const docSize = readSize(body, cursor, sectionEnd);
        docs.push(BSON.deserialize(body.subarray(cursor, cursor + docSize)));
        cursor += docSize;
      }
      sequences.push([name, docs]);
      at = sectionEnd;
    } else throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
  }
  if (!command) throw new ProtocolError('OP_MSG without a body section');
  for (const [name, docs] of sequences) command[name] = docs;
  return { command, moreToCome: (flags & MORE_TO_COME) !== 0 };
}

function readSize(buffer: Buffer, at: number, end: number): number {
  if (at + 4 > end) throw new ProtocolError('truncated section');
  const size = buffer.readInt32LE(at);
  if (size < 5 || at + size > end) throw new ProtocolError('section size out of bounds');
  return size;
}

export function encodeOpMsg(requestId: number, responseTo: number, reply: Document): Buffer {
  // Header, flagBits 0, one kind-0 section holding the reply. BSON.serialize writes into its own
  // 17 MB scratch buffer and returns an exact-size copy: one pass over the reply, no size pre-pass.
  const start = HEADER_BYTES + 5;
  const body = BSON.serialize(reply);
  const message = Buffer.allocUnsafe(start + body.length);
  message.fill(0, HEADER_BYTES, start);
  message.set(body, start);
  writeHeader(message, requestId, responseTo, OP_MSG);
  return message;
}
