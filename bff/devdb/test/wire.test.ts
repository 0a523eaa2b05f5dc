// Wire-level robustness: garbage and oversized frames close only their own connection, zlib
// compression works, and documents over 16 MiB are refused with a clear error.
import net from 'node:net';
import zlib from 'node:zlib';
import { BSON, MongoClient } from 'mongodb';
import { openTarget, realMongoUri, type Target } from './target';

let target: Target;
beforeAll(async () => {
  target = await openTarget();
});
afterAll(async () => {
  await target?.close();
});

function hostAndPort(uri: string): { host: string; port: number } {
  const url = new URL(uri.replace(/^mongodb(\+srv)?:\/\//, 'http://').split(',')[0]);
  return { host: url.hostname, port: Number(url.port || 27017) };
}

/** Sends raw bytes; resolves with the first complete reply, or when the server closes the socket. */
function exchange(bytes: Buffer, waitMs = 2000): Promise<{ closed: boolean; received: Buffer }> {
  return new Promise((resolve) => {
    const socket = net.connect(hostAndPort(target.uri));
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closed: false, received: Buffer.concat(chunks) });
    }, waitMs);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      const received = Buffer.concat(chunks);
      if (received.length >= 4 && received.length >= received.readInt32LE(0)) {
        clearTimeout(timer);
        socket.destroy();
        resolve({ closed: false, received });
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      // (a no-op when a complete reply already resolved the promise)
      resolve({ closed: true, received: Buffer.concat(chunks) });
    });
    socket.on('error', () => undefined);
    socket.on('connect', () => socket.write(bytes));
  });
}

function opMsg(command: object, requestId = 7): Buffer {
  const body = Buffer.from(BSON.serialize(command));
  const header = Buffer.alloc(21);
  header.writeInt32LE(21 + body.length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(2013, 12);
  return Buffer.concat([header, body]);
}

const ping = async () => (await target.client.db('admin').command({ ping: 1 })).ok;

it('closes a connection that sends garbage and keeps serving the others', async () => {
  const garbage = Buffer.alloc(64);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 73 + 41) & 0xff;
  garbage.writeInt32LE(64, 0);
  garbage.writeInt32LE(2013, 12);
  expect((await exchange(garbage)).closed).toBe(true);
  expect(await ping()).toBe(1);

  const negativeLength = Buffer.from([0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4]);
  expect((await exchange(negativeLength)).closed).toBe(true);
  expect(await ping()).toBe(1);
});

it('refuses a frame larger than maxMessageSizeBytes', async () => {
  const header = Buffer.alloc(16);
  header.writeInt32LE(60_000_000, 0);
  header.writeInt32LE(2013, 12);
  expect((await exchange(header)).closed).toBe(true);
  expect(await ping()).toBe(1);
});

it('answers a raw OP_MSG ping on a fresh socket', async () => {
  const { received } = await exchange(opMsg({ ping: 1, $db: 'admin' }), 5000);
  expect(received.readInt32LE(0)).toBe(received.length);
  expect(received.readInt32LE(8)).toBe(7); // responseTo
  expect(received.readInt32LE(12)).toBe(2013);
  expect(BSON.deserialize(received.subarray(21))).toMatchObject({ ok: 1 });
});

it('speaks zlib compression when the client asks for it', async () => {
  const client = await MongoClient.connect(target.uri, { compressors: ['zlib'], serverSelectionTimeoutMS: 5000 });
  try {
    const coll = client.db(target.dbName).collection('zipped');
    const text = '便民服务'.repeat(2000);
    await coll.insertOne({ _id: 'z' as never, text });
    expect((await coll.findOne({ _id: 'z' as never }))!.text).toBe(text);
  } finally {
    await client.close();
  }

  // The same by hand: an OP_COMPRESSED ping gets an OP_COMPRESSED reply.
  const inner = opMsg({ ping: 1, $db: 'admin' }, 9);
  const payload = zlib.deflateSync(inner.subarray(16));
  const wrapped = Buffer.alloc(25 + payload.length);
  wrapped.writeInt32LE(wrapped.length, 0);
  wrapped.writeInt32LE(9, 4);
  wrapped.writeInt32LE(2012, 12);
  wrapped.writeInt32LE(2013, 16);
  wrapped.writeInt32LE(inner.length - 16, 20);
  wrapped[24] = 2;
  payload.copy(wrapped, 25);
  const { received } = await exchange(wrapped, 5000);
  expect(received.readInt32LE(12)).toBe(2012);
  const reply = zlib.inflateSync(received.subarray(25));
  expect(BSON.deserialize(reply.subarray(5))).toMatchObject({ ok: 1 });
});

/** A one-field document `{big: "xxx..."}` encoded by hand (the driver refuses to build one this large). */
function bigDocument(bytes: number): Buffer {
  const text = Buffer.alloc(bytes, 'x');
  const doc = Buffer.alloc(4 + 1 + 4 + 4 + text.length + 1 + 1);
  doc.writeInt32LE(doc.length, 0);
  doc[4] = 0x02;
  doc.write('big\0', 5, 'latin1');
  doc.writeInt32LE(text.length + 1, 9);
  text.copy(doc, 13);
  return doc;
}

it('refuses documents over 16 MiB with a clear error', async () => {
  const doc = bigDocument(17 * 1024 * 1024);
  const body = Buffer.from(BSON.serialize({ insert: 'big', ordered: true, $db: target.dbName }));
  const sequenceName = Buffer.from('documents\0', 'latin1');
  const sequenceSize = Buffer.alloc(4);
  sequenceSize.writeInt32LE(4 + sequenceName.length + doc.length, 0);
  const header = Buffer.alloc(21);
  const message = Buffer.concat([header, body, Buffer.from([1]), sequenceSize, sequenceName, doc]);
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(11, 4);
  message.writeInt32LE(2013, 12);
  const { received } = await exchange(message, 10_000);
  const reply = BSON.deserialize(received.subarray(21));
  const failure = reply.ok === 0 ? reply : reply.writeErrors?.[0];
  expect(failure?.errmsg).toMatch(/too large|16777216/i);
  expect(await target.db.collection('big').countDocuments()).toBe(0);

  const coll = target.db.collection('big');
  await coll.insertOne({ _id: 'grow' as never, a: 'y'.repeat(9 * 1024 * 1024) });
  await expect(coll.updateOne({ _id: 'grow' as never }, { $set: { b: 'z'.repeat(9 * 1024 * 1024) } })).rejects.toThrow(
    /large|16777216|maxBsonObjectSize/i,
  );
  expect(await ping()).toBe(1);
}, 30_000);

(realMongoUri ? it.skip : it)('answers w:0 writes without a reply and still applies them', async () => {
  const coll = target.db.collection('fire');
  await coll.insertOne({ n: 1 }, { writeConcern: { w: 0 } });
  let count = 0;
  for (let i = 0; i < 50 && count === 0; i++) {
    count = await coll.countDocuments();
    if (!count) await new Promise((r) => setTimeout(r, 20));
  }
  expect(count).toBe(1);
});
