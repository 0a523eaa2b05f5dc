// devdb-only: data folder persistence, the lock file, recovery from a torn journal tail,
// compaction, and kill -9 losing no acknowledged write.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { startDevdb, type RunningDevdb } from '../../test-support/devdb';
import { describeDevdbOnly } from './target';

// Each case starts devdb two or three times; process start-up dominates on a busy machine.
jest.setTimeout(60_000);

const folders: string[] = [];
const running: RunningDevdb[] = [];

function dataFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devdb-test-'));
  folders.push(dir);
  return dir;
}

async function start(dbpath: string, extraArgs: string[] = []): Promise<RunningDevdb> {
  const devdb = await startDevdb({ dbpath, extraArgs });
  running.push(devdb);
  return devdb;
}

async function withClient<T>(uri: string, use: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    return await use(client);
  } finally {
    await client.close(true);
  }
}

afterAll(async () => {
  await Promise.all(running.map((devdb) => devdb.stop('SIGKILL')));
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

describeDevdbOnly('durability', () => {
  it('keeps data, indexes and their uniqueness across a restart', async () => {
    const dir = dataFolder();
    const first = await start(dir);
    await withClient(first.uri, async (client) => {
      const accounts = client.db('app').collection('accounts');
      await accounts.createIndex({ phone: 1 }, { unique: true });
      await accounts.insertMany([
        { phone: '1', n: 1 },
        { phone: '2', n: 2 },
      ]);
      await accounts.updateOne({ phone: '1' }, { $inc: { n: 10 } });
      await accounts.deleteOne({ phone: '2' });
    });
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(fs.existsSync(path.join(dir, 'devdb.lock'))).toBe(false);

    const second = await start(dir);
    await withClient(second.uri, async (client) => {
      const accounts = client.db('app').collection('accounts');
      expect(await accounts.find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ phone: '1', n: 11 }]);
      expect((await accounts.indexes()).map((index) => index.name)).toEqual(['_id_', 'phone_1']);
      await expect(accounts.insertOne({ phone: '1' })).rejects.toMatchObject({ code: 11000 });
    });
    await second.stop();
  });

  it('refuses a second process on the same data folder', async () => {
    const dir = dataFolder();
    const owner = await start(dir);
    await expect(startDevdb({ dbpath: dir })).rejects.toThrow(/exited with code 1[\s\S]*already in use/);
    await owner.stop();
  });

  it('loses no acknowledged write when killed with SIGKILL mid-stream', async () => {
    const dir = dataFolder();
    const devdb = await start(dir);
    const acknowledged: number[] = [];
    const client = await MongoClient.connect(devdb.uri, {
      serverSelectionTimeoutMS: 1000,
      retryWrites: false,
      maxPoolSize: 8,
    });
    const events = client.db('app').collection('events');
    let next = 0;
    let stopped = false;
    const writer = async () => {
      while (!stopped) {
        const i = next++;
        try {
          await events.insertOne({ _id: i as never, payload: 'x'.repeat(200) });
          acknowledged.push(i);
        } catch {
          return;
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 5));
    await devdb.stop('SIGKILL');
    stopped = true;
    await Promise.all(writers);
    await client.close(true);

    const restarted = await start(dir);
    await withClient(restarted.uri, async (fresh) => {
      const ids = new Set(
        (
          await fresh
            .db('app')
            .collection('events')
            .find({}, { projection: { _id: 1 } })
            .toArray()
        ).map((d) => d._id as unknown as number),
      );
      const missing = acknowledged.filter((i) => !ids.has(i));
      expect(missing).toEqual([]);
      expect(ids.size).toBeGreaterThanOrEqual(acknowledged.length);
    });
    await restarted.stop();
  });

  it('drops a torn journal tail and keeps going', async () => {
    const dir = dataFolder();
    const first = await start(dir);
    await withClient(first.uri, (client) =>
      client
        .db('app')
        .collection('notes')
        .insertMany([{ n: 1 }, { n: 2 }]),
    );
    await first.stop('SIGKILL');
    // A record header promising more bytes than follow: what a crash mid-append leaves behind.
    fs.appendFileSync(path.join(dir, 'journal.bin'), Buffer.from([200, 0, 0, 0, 1, 2, 3, 4, 5, 6]));

    const second = await start(dir);
    await withClient(second.uri, async (client) => {
      expect(await client.db('app').collection('notes').countDocuments()).toBe(2);
      await client.db('app').collection('notes').insertOne({ n: 3 });
    });
    await second.stop('SIGKILL');
    const third = await start(dir);
    await withClient(third.uri, async (client) =>
      expect(await client.db('app').collection('notes').countDocuments()).toBe(3),
    );
    await third.stop();
  });

  it('compacts a growing journal into a snapshot', async () => {
    const dir = dataFolder();
    const first = await start(dir, ['--compact-bytes', '20000']);
    await withClient(first.uri, async (client) => {
      const items = client.db('app').collection('items');
      for (let round = 0; round < 10; round++)
        await items.insertMany(Array.from({ length: 50 }, (_, i) => ({ round, i, text: 'y'.repeat(50) })));
      await items.deleteMany({ round: 0 });
    });
    expect(fs.existsSync(path.join(dir, 'snapshot.bin'))).toBe(true);
    expect(fs.statSync(path.join(dir, 'journal.bin')).size).toBeLessThan(40000);
    await first.stop('SIGKILL');

    const second = await start(dir);
    await withClient(second.uri, async (client) =>
      expect(await client.db('app').collection('items').countDocuments()).toBe(450),
    );
    await second.stop();
  });
});

describeDevdbOnly('cursor idle timeout', () => {
  it('forgets a cursor nobody reads from', async () => {
    const devdb = await startDevdb({ ttlIntervalMs: 50, extraArgs: ['--cursor-timeout-ms', '200'] });
    running.push(devdb);
    await withClient(devdb.uri, async (client) => {
      const db = client.db('app');
      await db.collection('rows').insertMany(Array.from({ length: 20 }, (_, i) => ({ i })));
      const opened = await db.command({ find: 'rows', batchSize: 2 });
      expect(
        (await db.command({ getMore: opened.cursor.id, collection: 'rows', batchSize: 2 })).cursor.nextBatch,
      ).toHaveLength(2);
      await new Promise((resolve) => setTimeout(resolve, 600));
      await expect(db.command({ getMore: opened.cursor.id, collection: 'rows' })).rejects.toMatchObject({ code: 43 });
    });
    await devdb.stop();
  });
});
