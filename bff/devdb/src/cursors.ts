// Open cursors: the rest of a result set waiting for getMore. Results are materialised when the
// cursor opens (devdb is for development data sizes), so getMore just hands out the next slice.
import { BSON, Long, type Document } from 'bson';
import { CommandError } from './errors';
import { MAX_BSON_OBJECT_SIZE } from './wire/opcodes';

/** MongoDB's first batch holds 101 documents unless the client asks otherwise. */
const DEFAULT_FIRST_BATCH = 101;
/** Replies stay well under maxBsonObjectSize including the envelope. */
const BATCH_BYTES = MAX_BSON_OBJECT_SIZE - 64 * 1024;

interface OpenCursor {
  ns: string;
  docs: Document[];
  position: number;
  lastUsed: number;
}

export class CursorRegistry {
  private readonly open = new Map<number, OpenCursor>();
  // Random start so ids from a previous run are not mistaken for live cursors.
  private nextId = 1 + Math.floor(Math.random() * 2 ** 40);

  constructor(private readonly idleTimeoutMs: number) {}

  /** Builds the `cursor` reply for find/aggregate/list*, keeping the remainder open if any. */
  first(ns: string, docs: Document[], batchSize: number | undefined, singleBatch = false): Document {
    const cursor: OpenCursor = { ns, docs, position: 0, lastUsed: Date.now() };
    const batch = take(cursor, batchSize ?? DEFAULT_FIRST_BATCH);
    let id = 0;
    if (!singleBatch && cursor.position < docs.length) {
      id = this.nextId++;
      this.open.set(id, cursor);
    }
    return { cursor: { firstBatch: batch, id: Long.fromNumber(id), ns }, ok: 1 };
  }

  more(id: number, ns: string, batchSize: number | undefined): Document {
    const cursor = this.open.get(id);
    if (!cursor) throw new CommandError(43, 'CursorNotFound', `cursor id ${id} not found`);
    if (cursor.ns !== ns) {
      throw new CommandError(
        13,
        'Unauthorized',
        `Requested getMore on namespace '${ns}', but cursor belongs to '${cursor.ns}'`,
      );
    }
    cursor.lastUsed = Date.now();
    const batch = take(cursor, batchSize && batchSize > 0 ? batchSize : Infinity);
    let replyId = id;
    if (cursor.position >= cursor.docs.length) {
      this.open.delete(id);
      replyId = 0;
    }
    return { cursor: { nextBatch: batch, id: Long.fromNumber(replyId), ns }, ok: 1 };
  }

  kill(ids: number[]): { killed: number[]; notFound: number[] } {
    const killed: number[] = [];
    const notFound: number[] = [];
    for (const id of ids) (this.open.delete(id) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  /** Drops cursors nobody asked for within the idle timeout (MongoDB's default is 10 minutes). */
  sweep(now = Date.now()): number {
    let dropped = 0;
    for (const [id, cursor] of this.open) {
      if (now - cursor.lastUsed > this.idleTimeoutMs) {
        this.open.delete(id);
        dropped++;
      }
    }
    return dropped;
  }

  get size(): number {
    return this.open.size;
  }
}

function take(cursor: OpenCursor, limit: number): Document[] {
  const batch: Document[] = [];
  let bytes = 0;
  while (cursor.position < cursor.docs.length && batch.length < limit) {
    const doc = cursor.docs[cursor.position];
    // The first document always goes out; sizes matter only once a batch holds several.
    if (batch.length > 0 || cursor.position + 1 < cursor.docs.length) {
      bytes += BSON.calculateObjectSize(doc);
      if (bytes > BATCH_BYTES && batch.length > 0) break;
    }
    batch.push(doc);
    cursor.position++;
  }
  return batch;
}
