// Legacy OP_QUERY / OP_REPLY: only used by the driver's first `ismaster` on each connection.
import { BSON, type Document } from 'bson';
import { HEADER_BYTES, OP_REPLY, ProtocolError, writeHeader } from './opcodes';

export interface ParsedQuery {
  collection: string;
  command: Document;
}

export function parseOpQuery(body: Buffer): ParsedQuery {
  const nameEnd = body.indexOf(0, 4);
  if (nameEnd < 0) throw new ProtocolError('OP_QUERY without a collection name');
  const collection = body.toString('utf8', 4, nameEnd);
  const at = nameEnd + 1 + 8; // numberToSkip, numberToReturn
  if (at + 4 > body.length) throw new ProtocolError('OP_QUERY without a query document');
  const size = body.readInt32LE(at);
  if (size < 5 || at + size > body.length) throw new ProtocolError('OP_QUERY document out of bounds');
  let command = BSON.deserialize(body.subarray(at, at + size));
  // Old drivers wrap the command as {$query: {...}, $readPreference: ...}.
  if (command.$query && typeof command.$query === 'object') command = command.$query as Document;
  return { collection, command };
}

export function encodeOpReply(requestId: number, responseTo: number, reply: Document): Buffer {
  // responseFlags 0, cursorID 0, startingFrom 0 (all zero bytes), numberReturned 1, the reply.
  const message = Buffer.concat([Buffer.alloc(HEADER_BYTES + 20), BSON.serialize(reply)]);
  writeHeader(message, requestId, responseTo, OP_REPLY);
  message.writeInt32LE(1, 32);
  return message;
}
