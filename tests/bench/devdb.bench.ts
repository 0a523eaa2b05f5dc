// devdb throughput over 100,000 documents through the real driver: inserts, find by _id,
// indexed and unindexed equality finds (their ratio shows the secondary index at work) and
// conditional findAndModify. Prints plain lines, then one `BENCH {...}` JSON line.
import { MongoClient } from 'mongodb';
import { startDevdb } from '../../bff/test-support/devdb';

const DOCS = 100_000;
const CONCURRENCY = 16;

/** Runs `total` calls of `op` with CONCURRENCY in flight; returns operations per second. */
async function measure(total: number, op: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) await op(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return Math.round(total / seconds);
}

const randomInt = (below: number) => Math.floor(Math.random() * below);

async function main(): Promise<void> {
  const devdb = await startDevdb();
  const client = await MongoClient.connect(devdb.uri, { maxPoolSize: CONCURRENCY });
  const results: Record<string, number> = {};
  try {
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
    results.indexedToUnindexedRatio = Math.round((results.indexedFindOpsPerSec / results.unindexedFindOpsPerSec) * 10) / 10;
  } finally {
    await client.close();
    await devdb.stop();
  }

  console.log(`devdb over ${DOCS.toLocaleString('en')} documents, ${CONCURRENCY} concurrent clients`);
  console.log(`insert (insertMany, 1,000 per batch): ${results.insertManyDocsPerSec} docs/s`);
  console.log(`insert (insertOne): ${results.insertOneOpsPerSec} ops/s`);
  console.log(`find by _id: ${results.findByIdOpsPerSec} ops/s`);
  console.log(`indexed equality find: ${results.indexedFindOpsPerSec} ops/s`);
  console.log(`unindexed equality find: ${results.unindexedFindOpsPerSec} ops/s`);
  console.log(`conditional findAndModify: ${results.conditionalFindAndModifyOpsPerSec} ops/s`);
  console.log(`indexed / unindexed equality find: ${results.indexedToUnindexedRatio}x (goal >= 50x)`);
  console.log(`BENCH ${JSON.stringify({ name: 'devdb', documents: DOCS, ...results })}`);
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
