// The leased queue over a real devdb: items of one group go out in order whichever runner takes
// them, a claim behind an earlier item is given back uncounted, and other groups are not held up.
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { startDevdb, type RunningDevdb } from '../../test-support/devdb';
import { LeasedQueue, type DeliveryOutcome } from './leased-queue';
import { createLogger } from './logger';

interface Item {
  _id: string;
  group: string;
  at: Date;
  dueAt: Date;
  status: string;
  attempts: number;
}

let devdb: RunningDevdb;
let connection: Connection;
let items: Model<Item>;

beforeAll(async () => {
  devdb = await startDevdb();
  connection = await mongoose.createConnection(`${devdb.uri.replace(/\/$/, '')}/leased_queue_test`).asPromise();
  items = connection.model<Item>(
    'Item',
    new Schema<Item>(
      { _id: String, group: String, at: Date, dueAt: Date, status: String, attempts: Number },
      { strict: false, versionKey: false },
    ),
  );
});
afterAll(async () => {
  await connection?.close();
  await devdb?.stop();
});

const runner = () =>
  new LeasedQueue<Item>({
    model: items,
    name: 'test item',
    logger: createLogger('silent'),
    retryMs: 60_000,
    dueField: 'dueAt',
    sortField: 'at',
    orderWithin: 'group',
    leaseMs: 60_000,
    maxAttempts: 3,
  });

const now = new Date('2026-03-02T08:00:00Z');
const minute = (n: number) => new Date(now.getTime() - (10 - n) * 60_000);

async function seed(specs: Array<[string, string, number]>): Promise<void> {
  await items.deleteMany({});
  await items.insertMany(
    specs.map(([id, group, at]) => ({
      _id: id,
      group,
      at: minute(at),
      dueAt: minute(at),
      status: 'PENDING',
      attempts: 0,
    })),
  );
}

/** A delivery that records what it was given and answers `outcome` (SENT unless told). */
function recorder(outcome: (id: string) => DeliveryOutcome = () => ({ status: 'SENT', channel: 'sms' })) {
  const seen: string[] = [];
  const deliver = async (item: Item) => {
    seen.push(item._id);
    return outcome(item._id);
  };
  return { seen, deliver };
}

it('sends a later item of a group only after the earlier one, while other groups go on', async () => {
  await seed([
    ['case-1:1', 'case-1', 1],
    ['case-2:1', 'case-2', 2],
    ['case-1:2', 'case-1', 3],
  ]);
  const a = runner();
  const b = runner();
  // Runner A has taken the first item of case-1 and is still sending it.
  const held = await a.claim(now);
  expect(held?._id).toBe('case-1:1');

  const first = recorder();
  expect(await b.drain(now, first.deliver)).toBe(1);
  expect(first.seen).toEqual(['case-2:1']);
  // The item behind A's was claimed, given back and not counted as an attempt.
  expect(await items.findById('case-1:2').lean()).toMatchObject({ status: 'PENDING', attempts: 0 });

  await a.record(held!, { status: 'SENT', channel: 'sms' }, now);
  const second = recorder();
  expect(await b.drain(now, second.deliver)).toBe(1);
  expect(second.seen).toEqual(['case-1:2']);
});

it('holds a group behind an item waiting for its retry, and lets it go once that one has failed for good', async () => {
  await seed([
    ['case-3:1', 'case-3', 1],
    ['case-3:2', 'case-3', 2],
  ]);
  const q = runner();
  // The first item's channel keeps refusing; anything else would go through.
  const refusing = recorder((id) =>
    id === 'case-3:1'
      ? { status: 'RETRY', afterMs: 1_000, why: 'sms rate limited' }
      : { status: 'SENT', channel: 'sms' },
  );
  expect(await q.drain(now, refusing.deliver)).toBe(0);
  expect(refusing.seen).toEqual(['case-3:1']);
  expect(await items.findById('case-3:2').lean()).toMatchObject({ status: 'PENDING', attempts: 0 });

  // Its retries run out (3 attempts): it is FAILED, and the second goes in the same run.
  const later = (s: number) => new Date(now.getTime() + s * 1_000);
  expect(await q.drain(later(2), refusing.deliver)).toBe(0);
  expect(await q.drain(later(4), refusing.deliver)).toBe(1);
  expect(refusing.seen).toEqual(['case-3:1', 'case-3:1', 'case-3:1', 'case-3:2']);
  expect(await items.findById('case-3:1').lean()).toMatchObject({ status: 'FAILED', attempts: 3 });
  expect(await items.findById('case-3:2').lean()).toMatchObject({ status: 'SENT', attempts: 1 });
});
