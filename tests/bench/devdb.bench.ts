// devdb throughput over 100,000 documents through the real driver: inserts, find by _id,
// indexed and unindexed equality finds, conditional findAndModify, and the BFF's session hot path
// at 32 connections (findOne by a unique key, and a getMe-like mix: findOne by _id plus one
// conditional touch in ten). Those figures are what the BFF sees.
//
// The index goal (indexed equality find >= 50x an unindexed one) is judged on the server's own
// throughput, taken with a pipelined wire client (tests/bench/wire), like redis-benchmark -P: on
// these machines a socket syscall is expensive and the driver spends ~230 µs of CPU per findOne,
// so with the driver as load generator the indexed figure is capped by the client, not by devdb.
// Both ratios are printed; the goal line uses the server one.
// Prints plain lines, then one `BENCH {...}` JSON line.
import { MongoClient, ObjectId } from 'mongodb';
import { startDevdb } from '../../bff/test-support/devdb';
import { expectFirstBatch, runPipelined } from './wire/pipelined';

const DOCS = 100_000;
const CONCURRENCY = 16;
const SESSION_CONNECTIONS = 32;
const SESSIONS = 10_000;
/** Pipelined wire client: connections x requests in flight on each. */
const PIPELINE = { connections: 4, depth: 16 };
const GOAL_RATIO = 50;

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
  let meetsIndexGoal = false;
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
    Object.assign(results, await serverThroughput(external ?? devdb!.uri));
    results.driverIndexedToUnindexedRatio = ratio(results.indexedFindOpsPerSec, results.unindexedFindOpsPerSec);
    results.indexedToUnindexedRatio = ratio(results.serverIndexedFindOpsPerSec, results.serverUnindexedFindOpsPerSec);
    meetsIndexGoal = results.indexedToUnindexedRatio >= GOAL_RATIO;
  } finally {
    await client.close();
    await devdb?.stop();
  }

  console.log(`devdb over ${DOCS.toLocaleString('en')} documents, driver with ${CONCURRENCY} operations in flight`);
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
  const pipeline = `${PIPELINE.connections} connections x ${PIPELINE.depth} in flight`;
  console.log(`server throughput (pipelined wire client, ${pipeline}):`);
  for (const [label, key] of [
    ['find by _id', 'serverFindById'],
    ['indexed equality find', 'serverIndexedFind'],
    ['unindexed equality find', 'serverUnindexedFind'],
  ]) {
    console.log(`  ${label}: ${results[`${key}OpsPerSec`]} ops/s (p99 ${results[`${key}P99Ms`]} ms)`);
  }
  console.log(`indexed / unindexed (driver, ${CONCURRENCY} in flight): ${results.driverIndexedToUnindexedRatio}×`);
  console.log(
    `indexed / unindexed (server, pipelined): ${results.indexedToUnindexedRatio}× (goal >= ${GOAL_RATIO}x): ${meetsIndexGoal ? 'met' : 'NOT met'}`,
  );
  console.log(`BENCH ${JSON.stringify({ name: 'devdb', documents: DOCS, ...results, meetsIndexGoal })}`);
}

const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;

/**
 * The server's own find throughput through the pipelined wire client, on the `items` loaded above.
 * Keys are random; each reply must hold exactly the one document asked for.
 */
async function serverThroughput(uri: string): Promise<Record<string, number>> {
  const findOne = async (name: string, field: '_id' | 'code' | 'plain', total: number) => {
    const keys = Array.from({ length: total }, () => randomInt(DOCS));
    const { opsPerSec, p99Ms } = await runPipelined({
      ...PIPELINE,
      uri,
      db: 'bench',
      total,
      command: (i) => ({
        find: 'items',
        filter: { [field]: field === '_id' ? keys[i] : `C${keys[i]}` },
        limit: 1,
        singleBatch: true,
      }),
      verify: expectFirstBatch(1, ([doc], i) => {
        if (doc._id !== keys[i]) throw new Error(`${name} ${i}: asked for ${keys[i]}, got ${doc._id}`);
      }),
    });
    return { [`${name}OpsPerSec`]: opsPerSec, [`${name}P99Ms`]: p99Ms };
  };
  return {
    ...(await findOne('serverFindById', '_id', 30_000)),
    ...(await findOne('serverIndexedFind', 'code', 30_000)),
    // A full scan costs milliseconds: a few hundred give a steady figure.
    ...(await findOne('serverUnindexedFind', 'plain', 400)),
  };
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
