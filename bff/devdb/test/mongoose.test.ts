// The store as the BFF uses it: mongoose models with unique (also compound) and TTL indexes,
// duplicate-key errors in MongoDB's shape, and conditional updates under heavy concurrency.
import mongoose, { Schema, type Connection } from 'mongoose';
import type { MongoBulkWriteError } from 'mongodb';
import { openTarget, realMongoUri, type Target } from './target';

let target: Target;
let connection: Connection;

const Account = new Schema({ phone: { type: String, unique: true }, name: String });
const Slot = new Schema({ hall: String, day: String, seats: Number });
Slot.index({ hall: 1, day: 1 }, { unique: true });
const Session = new Schema({ token: String, expiresAt: { type: Date, expires: 0 } });

beforeAll(async () => {
  target = await openTarget({ ttlIntervalMs: 200 });
  connection = await mongoose
    .createConnection(target.uri, { dbName: target.dbName, serverSelectionTimeoutMS: 5000 })
    .asPromise();
  await Promise.all(
    ['Account', 'Slot', 'Session'].map((name) => connection.model(name, { Account, Slot, Session }[name]!).init()),
  );
});
afterAll(async () => {
  await connection?.close();
  await target?.close();
});

const model = (name: string) => connection.model(name);

describe('duplicate keys', () => {
  beforeEach(async () => {
    await model('Account').deleteMany({});
    await model('Account').create({ phone: '13800000000', name: 'first' });
  });

  const expectDuplicate = (error: unknown, keyValue: object) => {
    // mongoose bundles its own copy of the driver, so compare by name rather than by class.
    expect((error as Error).name).toBe('MongoServerError');
    expect(error).toMatchObject({ code: 11000, keyPattern: { phone: 1 }, keyValue });
    expect((error as Error).message).toMatch(
      /E11000 duplicate key error collection: .*accounts index: phone_1 dup key/,
    );
  };

  it('on insert', async () => {
    const error = await model('Account')
      .create({ phone: '13800000000' })
      .catch((e: unknown) => e);
    expectDuplicate(error, { phone: '13800000000' });
  });

  it('on update and findOneAndUpdate', async () => {
    await model('Account').create({ phone: '13900000000' });
    const updateError = await model('Account')
      .updateOne({ phone: '13900000000' }, { phone: '13800000000' })
      .catch((e: unknown) => e);
    expectDuplicate(updateError, { phone: '13800000000' });
    const famError = await model('Account')
      .findOneAndUpdate({ phone: '13900000000' }, { $set: { phone: '13800000000' } })
      .catch((e: unknown) => e);
    expectDuplicate(famError, { phone: '13800000000' });
    expect(await model('Account').countDocuments({ phone: '13900000000' })).toBe(1);
  });

  it('on insertMany, ordered and unordered', async () => {
    const docs = [{ phone: '1' }, { phone: '13800000000' }, { phone: '2' }];
    const ordered = await model('Account')
      .insertMany(docs)
      .catch((e: unknown) => e);
    expect((ordered as Error).name).toBe('MongoBulkWriteError');
    expect((ordered as MongoBulkWriteError).writeErrors).toMatchObject([{ index: 1, code: 11000 }]);
    expect(await model('Account').countDocuments()).toBe(2);

    await model('Account').deleteMany({ phone: { $in: ['1', '2'] } });
    const unordered = await model('Account')
      .insertMany(docs, { ordered: false })
      .catch((e: unknown) => e);
    expect((unordered as MongoBulkWriteError).writeErrors).toMatchObject([{ index: 1, code: 11000 }]);
    expect(await model('Account').countDocuments()).toBe(3);
    expect((unordered as MongoBulkWriteError).writeErrors).toMatchObject([
      { errmsg: expect.stringMatching(/^E11000 duplicate key error/) },
    ]);
  });

  it('in the raw insert reply, with keyPattern and keyValue', async () => {
    // The driver keeps only code/index/errmsg of bulk write errors, so read the server's reply itself.
    const reply = await connection.db!.command({
      insert: 'accounts',
      documents: [{ phone: '3' }, { phone: '13800000000' }],
      ordered: false,
    });
    expect(reply).toMatchObject({ ok: 1, n: 1 });
    expect(reply.writeErrors).toEqual([
      expect.objectContaining({
        index: 1,
        code: 11000,
        keyPattern: { phone: 1 },
        keyValue: { phone: '13800000000' },
        errmsg: expect.stringContaining('E11000'),
      }),
    ]);
  });

  it('on a compound unique index', async () => {
    await model('Slot').create({ hall: 'east', day: 'mon', seats: 1 });
    await model('Slot').create({ hall: 'east', day: 'tue', seats: 1 });
    const error = await model('Slot')
      .create({ hall: 'east', day: 'mon', seats: 2 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 11000,
      keyPattern: { hall: 1, day: 1 },
      keyValue: { hall: 'east', day: 'mon' },
    });
  });
});

it('expires documents through a TTL index', async () => {
  const Sessions = model('Session');
  await Sessions.create([
    { token: 'old', expiresAt: new Date(Date.now() - 1000) },
    { token: 'new', expiresAt: new Date(Date.now() + 3_600_000) },
  ]);
  const deadline = Date.now() + (realMongoUri ? 90_000 : 5_000);
  while ((await Sessions.countDocuments({ token: 'old' })) > 0 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  expect(await Sessions.countDocuments({ token: 'old' })).toBe(0);
  expect(await Sessions.countDocuments({ token: 'new' })).toBe(1);
}, 120_000);

it('gives exactly 50 successes to 1,000 concurrent conditional decrements on a capacity of 50', async () => {
  const Slots = model('Slot');
  const slot = await Slots.create({ hall: 'north', day: 'fri', seats: 50 });
  const attempts = await Promise.all(
    Array.from({ length: 1000 }, () =>
      Slots.findOneAndUpdate(
        { _id: slot._id, seats: { $gt: 0 } },
        { $inc: { seats: -1 } },
        { returnDocument: 'after' },
      ).lean(),
    ),
  );
  const successes = attempts.filter((doc) => doc !== null);
  expect(successes).toHaveLength(50);
  expect(new Set(successes.map((doc) => (doc as unknown as { seats: number }).seats)).size).toBe(50);
  expect(((await Slots.findById(slot._id).lean()) as unknown as { seats: number }).seats).toBe(0);
});
