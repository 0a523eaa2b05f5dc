// Pipelining: a client may send many messages on one connection before reading any reply.
// MongoDB answers them one after another, in order, each with responseTo = that request's
// requestID, and a `moreToCome` message gets no reply. devdb writes the replies to one incoming
// chunk together (corked, one writev); these tests pin down that they still come back in order.
import net from 'node:net';
import { BSON, type Document } from 'mongodb';
import { describeDevdbOnly, openTarget, type Target } from './target';

const MORE_TO_COME = 1 << 1;

let target: Target;
beforeAll(async () => {
  target = await openTarget();
});
afterAll(async () => {
  await target?.close();
});

function opMsg(requestId: number, command: Document, flags = 0): Buffer {
  const body = Buffer.from(BSON.serialize(command));
  const header = Buffer.alloc(21);
  header.writeInt32LE(21 + body.length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(2013, 12);
  header.writeUInt32LE(flags, 16);
  return Buffer.concat([header, body]);
}

interface Reply {
  responseTo: number;
  body: Document;
}

/**
 * Sends every message with ONE socket write, then reads reply frames until `expected` have come
 * (or the server closes the connection, or `timeoutMs` passes).
 */
function pipeline(
  messages: Buffer[],
  expected: number,
  timeoutMs = 5000,
): Promise<{ replies: Reply[]; closed: boolean }> {
  const { hostname, port } = new URL(target.uri.replace(/^mongodb:\/\//, 'http://').split(',')[0]);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 27017) });
    const replies: Reply[] = [];
    let pending = Buffer.alloc(0);
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ replies, closed });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const frame = pending.subarray(0, pending.readInt32LE(0));
        replies.push({ responseTo: frame.readInt32LE(8), body: BSON.deserialize(frame.subarray(21)) });
        pending = pending.subarray(frame.length);
      }
      if (replies.length >= expected) finish(false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined);
    socket.on('connect', () => socket.write(Buffer.concat(messages)));
  });
}

it('answers pipelined requests on one connection in order, each to its own requestID', async () => {
  const coll = target.db.collection<{ _id: unknown; n: number }>('pipelined');
  const count = 200;
  await coll.insertMany(Array.from({ length: count }, (_, n) => ({ _id: n, n })));

  // Keys in a shuffled order and requestIDs that do not count up, so neither can be guessed.
  const keys = Array.from({ length: count }, (_, n) => n).sort(() => Math.random() - 0.5);
  const requestIds = keys.map((_, i) => 1_000_000 - i * 37);
  const find = (key: unknown) => ({ find: 'pipelined', filter: { _id: key }, $db: target.dbName });
  const messages = keys.map((key, i) => opMsg(requestIds[i], find(key)));
  // Halfway: an unacknowledged insert (no reply), then a find that must already see it.
  const half = count / 2;
  messages.splice(
    half,
    0,
    opMsg(
      7,
      { insert: 'pipelined', documents: [{ _id: 'late', n: -1 }], writeConcern: { w: 0 }, $db: target.dbName },
      MORE_TO_COME,
    ),
    opMsg(8, find('late')),
  );

  const { replies, closed } = await pipeline(messages, count + 1);
  expect(closed).toBe(false);
  const expectedOrder = [...requestIds.slice(0, half), 8, ...requestIds.slice(half)];
  expect(replies.map((reply) => reply.responseTo)).toEqual(expectedOrder);
  const expectedKeys = [...keys.slice(0, half), 'late', ...keys.slice(half)];
  replies.forEach((reply, i) => {
    expect(reply.body.ok).toBe(1);
    expect(reply.body.cursor.firstBatch.map((doc: Document) => doc._id)).toEqual([expectedKeys[i]]);
  });
});

describeDevdbOnly('a malformed message inside a pipelined chunk', () => {
  it('still sends the replies before it, in order, then closes only that connection', async () => {
    const pings = [11, 12, 13, 14, 15].map((id) => opMsg(id, { ping: 1, $db: 'admin' }));
    const unknownOpcode = opMsg(16, { ping: 1, $db: 'admin' });
    unknownOpcode.writeInt32LE(4242, 12);

    const { replies, closed } = await pipeline([...pings, unknownOpcode], 6);
    expect(replies.map((reply) => [reply.responseTo, reply.body.ok])).toEqual([
      [11, 1],
      [12, 1],
      [13, 1],
      [14, 1],
      [15, 1],
    ]);
    expect(closed).toBe(true);
    expect((await target.client.db('admin').command({ ping: 1 })).ok).toBe(1);
  });
});
