// Legacy OP_QUERY / OP_REPLY: only used by the driver's first `ismaster` on each connection.
import { BSON, type Document } from 'bson';
import { HEADER_BYTES, OP_REPLY, ProtocolError } from './opcodes';

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
  const doc = BSON.serialize(reply);
  const header = Buffer.alloc(HEADER_BYTES + 20);
  header.writeInt32LE(HEADER_BYTES + 20 + doc.length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(OP_REPLY, 12);
  header.writeInt32LE(0, 16); // responseFlags
  header.writeBigInt64LE(0n, 20); // cursorID
  header.writeInt32LE(0, 28); // startingFrom
  header.writeInt32LE(1, 32); // numberReturned
  return Buffer.concat([header, doc]);
}
