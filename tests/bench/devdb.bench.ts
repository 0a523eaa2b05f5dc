// devdb throughput over 100,000 documents through the real driver: inserts, find by _id,
// indexed and unindexed equality finds (their ratio shows the secondary index at work),
// conditional findAndModify, and the BFF's session hot path at 32 connections (findOne by a
// unique key, and a getMe-like mix: findOne by _id plus one conditional touch in ten).
// Prints plain lines, then one `BENCH {...}` JSON line.
import { MongoClient, ObjectId } from 'mongodb';
import { startDevdb } from '../../bff/test-support/devdb';

const DOCS = 100_000;
const CONCURRENCY = 16;
const SESSION_CONNECTIONS = 32;
const SESSIONS = 10_000;

/** Runs `total` calls of `op` with `inFlight` outstanding; returns operations per second. */
async function measure(total: number, op: (i: number) => Promise<unknown>, inFlight = CONCURRENCY): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) await op(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return Math.round(total / seconds);
}

const randomInt = (below: number) => Math.floor(Math.random() * below);

async function main(): Promise<void> {
  // With MONGODB_URI set the same figures are taken from that server (another devdb build or a
  // real MongoDB, for comparison); its `bench` database is dropped first.
  const external = process.env.MONGODB_URI;
  const devdb = external ? null : await startDevdb();
  const client = await MongoClient.connect(external ?? devdb!.uri, { maxPoolSize: SESSION_CONNECTIONS });
  const results: Record<string, number> = {};
  try {
    if (external) await client.db('bench').dropDatabase();
    const items = client.db('bench').collection<{ _id: number; code: string; plain: string; stock: number }>('items');
    await items.createIndex({ code: 1 });

    const batch = 1000;
    const started = process.hrtime.bigint();
    for (let from = 0; from < DOCS; from += batch) {
      await items.insertMany(
        Array.from({ length: batch }, (_, i) => {
          const n = from + i;
          return { _id: n, code: `C${n}`, plain: `C${n}`, stock: 1_000_000 };
        }),
      );
    }
    results.insertManyDocsPerSec = Math.round(DOCS / (Number(process.hrtime.bigint() - started) / 1e9));
    const extra = client.db('bench').collection('extra');
    results.insertOneOpsPerSec = await measure(5000, (i) => extra.insertOne({ i, code: `X${i}` }));

    results.findByIdOpsPerSec = await measure(5000, () => items.findOne({ _id: randomInt(DOCS) }));
    results.indexedFindOpsPerSec = await measure(5000, () => items.findOne({ code: `C${randomInt(DOCS)}` }));
    results.unindexedFindOpsPerSec = await measure(40, () => items.findOne({ plain: `C${randomInt(DOCS)}` }));
    results.conditionalFindAndModifyOpsPerSec = await measure(5000, () =>
      items.findOneAndUpdate({ _id: randomInt(DOCS), stock: { $gt: 0 } }, { $inc: { stock: -1 } }),
    );
    Object.assign(results, await sessionPaths(client));
    results.indexedToUnindexedRatio =
      Math.round((results.indexedFindOpsPerSec / results.unindexedFindOpsPerSec) * 10) / 10;
  } finally {
    await client.close();
    await devdb?.stop();
  }

  console.log(`devdb over ${DOCS.toLocaleString('en')} documents, ${CONCURRENCY} concurrent clients`);
  console.log(`insert (insertMany, 1,000 per batch): ${results.insertManyDocsPerSec} docs/s`);
  console.log(`insert (insertOne): ${results.insertOneOpsPerSec} ops/s`);
  console.log(`find by _id: ${results.findByIdOpsPerSec} ops/s`);
  console.log(`indexed equality find: ${results.indexedFindOpsPerSec} ops/s`);
  console.log(`unindexed equality find: ${results.unindexedFindOpsPerSec} ops/s`);
  console.log(`conditional findAndModify: ${results.conditionalFindAndModifyOpsPerSec} ops/s`);
  console.log(
    `session findOne by unique key, ${SESSION_CONNECTIONS} connections: ${results.sessionFindOneOpsPerSec} ops/s`,
  );
  console.log(
    `getMe-like mix (findOne by _id + 1 in 10 conditional touch), ${SESSION_CONNECTIONS} connections: ${results.getMeMixOpsPerSec} ops/s`,
  );
  console.log(`indexed / unindexed equality find: ${results.indexedToUnindexedRatio}x (goal >= 50x)`);
  console.log(`BENCH ${JSON.stringify({ name: 'devdb', documents: DOCS, ...results })}`);
}

/** Sessions shaped like the BFF's, looked up the way its auth middleware does. */
async function sessionPaths(client: MongoClient): Promise<Record<string, number>> {
  const sessions = client
    .db('bench')
    .collection<{ _id: string; tokenHash: string; lastSeenAt: Date } & Record<string, unknown>>('sessions');
  await sessions.createIndex({ tokenHash: 1 }, { unique: true });
  await sessions.createIndex({ userId: 1 });
  await sessions.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
  const now = Date.now();
  await sessions.insertMany(
    Array.from({ length: SESSIONS }, (_, i) => ({
      _id: `h${i}`,
      tokenHash: `t${i}`,
      userId: new ObjectId(),
      role: 'resident',
      level: 'LOGGED_IN',
      faceCheckedUntil: null,
      device: 'bench',
      user: { mobileMasked: '199****1234', nameMasked: null, idNumberMasked: null },
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      absoluteExpiresAt: new Date(now + 86_400_000),
      expiresAt: new Date(now + 86_400_000),
      revokedAt: null,
    })),
  );
  const sessionFindOneOpsPerSec = await measure(
    20_000,
    () => sessions.findOne({ tokenHash: `t${randomInt(SESSIONS)}` }),
    SESSION_CONNECTIONS,
  );
  const getMeMixOpsPerSec = await measure(
    20_000,
    async (i) => {
      const _id = `h${randomInt(SESSIONS)}`;
      const doc = await sessions.findOne({ _id });
      if (doc && i % 10 === 0) {
        const at = new Date();
        await sessions.updateOne(
          { _id, lastSeenAt: doc.lastSeenAt, revokedAt: null },
          { $set: { lastSeenAt: at, expiresAt: new Date(at.getTime() + 1_800_000) } },
        );
      }
    },
    SESSION_CONNECTIONS,
  );
  return { sessionFindOneOpsPerSec, getMeMixOpsPerSec };
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
