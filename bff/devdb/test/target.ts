// Where the conformance suite runs: a fresh in-memory devdb, or a real MongoDB when MONGODB_URI
// is set (each suite then uses its own throw-away database), so every expectation below is
// checked against MongoDB's behaviour and not only devdb's.
import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { startDevdb, type RunningDevdb } from '../../test-support/devdb';

export const realMongoUri = process.env.MONGODB_URI;

/** `describe` for cases that only make sense against devdb (restart, kill -9, lock file...). */
export const describeDevdbOnly = realMongoUri ? describe.skip : describe;

export interface Target {
  uri: string;
  dbName: string;
  client: MongoClient;
  db: Db;
  devdb: RunningDevdb | null;
  close(): Promise<void>;
}

export async function openTarget(options: { ttlIntervalMs?: number } = {}): Promise<Target> {
  const devdb = realMongoUri ? null : await startDevdb({ ttlIntervalMs: options.ttlIntervalMs ?? 200 });
  const uri = realMongoUri ?? devdb!.uri;
  const dbName = `conformance_${randomBytes(4).toString('hex')}`;
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5000 });
  const db = client.db(dbName);
  return {
    uri,
    dbName,
    client,
    db,
    devdb,
    async close() {
      try {
        if (realMongoUri) await db.dropDatabase();
      } finally {
        await client.close();
        await devdb?.stop();
      }
    },
  };
}
