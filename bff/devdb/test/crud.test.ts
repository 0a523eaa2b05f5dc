// CRUD, every update operator, upserts, BSON round-trips and cursors through the real driver.
import { Binary, Decimal128, Double, Int32, Long, ObjectId, type Document } from 'mongodb';
import { openTarget, realMongoUri, type Target } from './target';

let target: Target;
beforeAll(async () => {
  target = await openTarget();
});
afterAll(async () => {
  await target?.close();
});

const collection = (name: string) => target.db.collection(name);

describe('basic CRUD', () => {
  it('inserts with generated ObjectIds, finds, updates and deletes', async () => {
    const people = collection('people');
    const inserted = await people.insertMany([
      { name: 'amy', age: 30, city: 'hz' },
      { name: 'bo', age: 25, city: 'sh' },
      { name: 'cy', age: 35, city: 'hz' },
    ]);
    expect(inserted.insertedCount).toBe(3);
    expect(inserted.insertedIds[0]).toBeInstanceOf(ObjectId);

    expect(await people.countDocuments({ city: 'hz' })).toBe(2);
    const sorted = await people
      .find({}, { projection: { _id: 0, name: 1 } })
      .sort({ age: -1 })
      .skip(1)
      .limit(1)
      .toArray();
    expect(sorted).toEqual([{ name: 'amy' }]);

    const updated = await people.updateMany({ city: 'hz' }, { $inc: { age: 1 } });
    expect(updated).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    const unchanged = await people.updateOne({ name: 'bo' }, { $set: { age: 25 } });
    expect(unchanged).toMatchObject({ matchedCount: 1, modifiedCount: 0 });

    const replaced = await people.replaceOne({ name: 'bo' }, { name: 'bo', age: 26 });
    expect(replaced.modifiedCount).toBe(1);
    expect(await people.findOne({ name: 'bo' }, { projection: { _id: 0 } })).toEqual({ name: 'bo', age: 26 });

    expect((await people.deleteOne({ city: 'hz' })).deletedCount).toBe(1);
    expect((await people.deleteMany({})).deletedCount).toBe(2);
    expect(await people.estimatedDocumentCount()).toBe(0);
  });

  it('keeps _id immutable and rejects duplicate _id', async () => {
    const things = collection('things');
    await things.insertOne({ _id: 1 as never, v: 1 });
    await expect(things.updateOne({ _id: 1 as never }, { $set: { _id: 2 } })).rejects.toMatchObject({ code: 66 });
    await expect(things.insertOne({ _id: 1 as never })).rejects.toMatchObject({ code: 11000, keyValue: { _id: 1 } });
  });

  it('supports distinct over arrays and count with a filter', async () => {
    const tags = collection('tags');
    await tags.insertMany([{ t: ['a', 'b'] }, { t: ['b', 'c'] }, { t: 'd', skip: true }]);
    expect((await tags.distinct('t', { skip: { $ne: true } })).sort()).toEqual(['a', 'b', 'c']);
    expect(await tags.countDocuments({ t: 'b' })).toBe(2);
  });

  it('round-trips BSON types', async () => {
    const values = collection('values');
    const doc = {
      oid: new ObjectId(),
      date: new Date('2024-05-01T08:00:00.123Z'),
      dec: Decimal128.fromString('1234.5678901234567890'),
      bin: new Binary(Buffer.from([1, 2, 3, 250])),
      long: Long.fromString('9007199254740993'),
      int: new Int32(7),
      double: new Double(1.5),
      nested: { list: [1, 'two', { three: 3 }], empty: {} },
      nil: null,
    };
    const { insertedId } = await values.insertOne(doc);
    const found = (await values.findOne({ _id: insertedId }, { promoteValues: false }))!;
    expect((found.oid as ObjectId).equals(doc.oid)).toBe(true);
    expect((found.date as Date).toISOString()).toBe('2024-05-01T08:00:00.123Z');
    expect((found.dec as Decimal128).toString()).toBe('1234.5678901234567890');
    expect(Buffer.from((found.bin as Binary).buffer)).toEqual(Buffer.from([1, 2, 3, 250]));
    expect((found.long as Long).toString()).toBe('9007199254740993');
    expect(found.long).toBeInstanceOf(Long);
    const plain = (await values.findOne({ _id: insertedId }))!;
    expect(plain.nested).toEqual(doc.nested);
    expect(plain.nil).toBeNull();
    expect(await values.countDocuments({ date: { $gte: new Date('2024-05-01T00:00:00Z') } })).toBe(1);
    expect(await values.countDocuments({ oid: doc.oid })).toBe(1);
  });
});

describe('update operators', () => {
  const apply = async (start: Document, update: Document, options: Document = {}) => {
    const coll = collection('operators');
    const { insertedId } = await coll.insertOne({ ...start });
    await coll.updateOne({ _id: insertedId, ...(options.filter ?? {}) }, update, {
      arrayFilters: options.arrayFilters,
    });
    const { _id, ...rest } = (await coll.findOne({ _id: insertedId }))!;
    return rest;
  };

  it.each([
    ['$set', { a: 1 }, { $set: { a: 2, 'b.c': 3 } }, { a: 2, b: { c: 3 } }],
    ['$unset', { a: 1, b: 2 }, { $unset: { a: '' } }, { b: 2 }],
    ['$inc', { a: 1 }, { $inc: { a: 5, z: -1 } }, { a: 6, z: -1 }],
    ['$mul', { a: 3 }, { $mul: { a: 4 } }, { a: 12 }],
    ['$rename', { a: 1 }, { $rename: { a: 'b' } }, { b: 1 }],
    ['$min', { a: 5, b: 5 }, { $min: { a: 3, b: 9 } }, { a: 3, b: 5 }],
    ['$max', { a: 5, b: 5 }, { $max: { a: 3, b: 9 } }, { a: 5, b: 9 }],
    ['$push', { l: [1] }, { $push: { l: 2 } }, { l: [1, 2] }],
    [
      '$push $each $sort $slice',
      { l: [5, 1] },
      { $push: { l: { $each: [3, 9], $sort: 1, $slice: 3 } } },
      { l: [1, 3, 5] },
    ],
    ['$addToSet', { l: [1, 2] }, { $addToSet: { l: { $each: [2, 3] } } }, { l: [1, 2, 3] }],
    ['$pop', { l: [1, 2, 3] }, { $pop: { l: -1 } }, { l: [2, 3] }],
    ['$pull', { l: [1, 2, 3, 4] }, { $pull: { l: { $gte: 3 } } }, { l: [1, 2] }],
    ['$pullAll', { l: [1, 2, 1, 3] }, { $pullAll: { l: [1, 3] } }, { l: [2] }],
    ['$bit', { a: 5 }, { $bit: { a: { and: 4 } } }, { a: 4 }],
  ])('%s', async (_name, start, update, expected) => {
    expect(await apply(start, update)).toEqual(expected);
  });

  it('$currentDate sets a date', async () => {
    const before = Date.now() - 1000;
    const result = await apply({ a: 1 }, { $currentDate: { at: true } });
    expect((result.at as Date).getTime()).toBeGreaterThanOrEqual(before);
  });

  it('positional $ and arrayFilters', async () => {
    expect(
      await apply(
        {
          l: [
            { k: 1, v: 0 },
            { k: 2, v: 0 },
          ],
        },
        { $set: { 'l.$.v': 9 } },
        { filter: { 'l.k': 2 } },
      ),
    ).toEqual({
      l: [
        { k: 1, v: 0 },
        { k: 2, v: 9 },
      ],
    });
    expect(
      await apply(
        {
          l: [
            { k: 1, v: 0 },
            { k: 2, v: 0 },
            { k: 3, v: 0 },
          ],
        },
        { $inc: { 'l.$[e].v': 1 } },
        { arrayFilters: [{ 'e.k': { $gte: 2 } }] },
      ),
    ).toEqual({
      l: [
        { k: 1, v: 0 },
        { k: 2, v: 1 },
        { k: 3, v: 1 },
      ],
    });
  });

  it('pipeline updates', async () => {
    expect(await apply({ a: 2, b: 3 }, [{ $set: { sum: { $add: ['$a', '$b'] } } }] as never)).toEqual({
      a: 2,
      b: 3,
      sum: 5,
    });
  });
});

describe('upsert', () => {
  it('builds the new document from filter equalities, $set and $setOnInsert', async () => {
    const slots = collection('slots');
    const first = await slots.updateOne(
      { hall: 'east', day: '2024-06-01', 'meta.kind': { $eq: 'normal' }, seats: { $gt: 0 } },
      { $set: { open: true }, $setOnInsert: { createdBy: 'seed' }, $inc: { version: 1 } },
      { upsert: true },
    );
    expect(first.upsertedCount).toBe(1);
    expect(first.upsertedId).toBeInstanceOf(ObjectId);
    const created = await slots.findOne({ _id: first.upsertedId! }, { projection: { _id: 0 } });
    expect(created).toEqual({
      hall: 'east',
      day: '2024-06-01',
      meta: { kind: 'normal' },
      open: true,
      createdBy: 'seed',
      version: 1,
    });

    const second = await slots.updateOne(
      { hall: 'east', day: '2024-06-01' },
      { $set: { open: false }, $setOnInsert: { createdBy: 'other' } },
      { upsert: true },
    );
    expect(second).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    expect((await slots.findOne({ hall: 'east' }))!.createdBy).toBe('seed');
  });

  it('replaceOne upsert keeps the filter _id, findOneAndUpdate upsert returns the new document', async () => {
    const keyed = collection('keyed');
    await keyed.replaceOne({ _id: 'k1' as never }, { v: 1 }, { upsert: true });
    expect(await keyed.findOne({ _id: 'k1' as never })).toEqual({ _id: 'k1', v: 1 });

    const before = await keyed.findOneAndUpdate(
      { _id: 'k2' as never },
      { $set: { v: 2 } },
      { upsert: true, returnDocument: 'before' },
    );
    expect(before).toBeNull();
    const after = await keyed.findOneAndUpdate(
      { _id: 'k3' as never },
      { $set: { v: 3 } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(after).toEqual({ _id: 'k3', v: 3 });
    const meta = await keyed.findOneAndUpdate(
      { _id: 'k4' as never },
      { $set: { v: 4 } },
      { upsert: true, includeResultMetadata: true },
    );
    expect(meta.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false, upserted: 'k4' });
  });
});

describe('findAndModify options', () => {
  it('sort picks the document; fields project it; remove deletes it', async () => {
    const queue = collection('queue');
    await queue.insertMany([
      { p: 2, name: 'mid' },
      { p: 1, name: 'low' },
      { p: 3, name: 'high' },
    ]);
    const taken = await queue.findOneAndUpdate(
      {},
      { $set: { taken: true } },
      { sort: { p: -1 }, projection: { _id: 0, name: 1, taken: 1 }, returnDocument: 'after' },
    );
    expect(taken).toEqual({ name: 'high', taken: true });
    const removed = await queue.findOneAndDelete({ taken: { $exists: false } }, { sort: { p: 1 } });
    expect(removed!.name).toBe('low');
    expect(await queue.countDocuments()).toBe(2);
    expect(await queue.findOneAndUpdate({ name: 'nobody' }, { $set: { x: 1 } })).toBeNull();
  });
});

describe('cursors', () => {
  it('pages through getMore with batchSize and can be killed', async () => {
    const many = collection('many');
    await many.insertMany(Array.from({ length: 250 }, (_, i) => ({ i })));
    const seen: number[] = [];
    for await (const doc of many.find({}, { batchSize: 7 }).sort({ i: 1 })) seen.push(doc.i as number);
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => i));

    const opened = await target.db.command({ find: 'many', filter: {}, batchSize: 5 });
    expect(opened.cursor.firstBatch).toHaveLength(5);
    const killed = await target.db.command({ killCursors: 'many', cursors: [opened.cursor.id] });
    expect(killed.cursorsKilled.map(String)).toEqual([String(opened.cursor.id)]);
    await expect(target.db.command({ getMore: opened.cursor.id, collection: 'many' })).rejects.toMatchObject({
      code: 43,
    });

    const aggregated = await many.aggregate([{ $match: { i: { $lt: 120 } } }], { batchSize: 10 }).toArray();
    expect(aggregated).toHaveLength(120);
  });

  it('reports an unknown cursor id', async () => {
    const reply = target.db.command({ getMore: Long.fromNumber(123456789), collection: 'many' });
    await expect(reply).rejects.toMatchObject({ code: 43 });
  });
});

describe('commands', () => {
  it('answers an unknown command with CommandNotFound', async () => {
    await expect(target.db.command({ frobnicate: 1 })).rejects.toMatchObject({ code: 59, codeName: 'CommandNotFound' });
  });

  it('lists, creates and drops collections and indexes', async () => {
    await target.db.createCollection('made');
    await expect(target.db.createCollection('made')).rejects.toMatchObject({ code: 48 });
    const made = collection('made');
    await made.createIndex({ a: 1, b: -1 }, { name: 'a_b' });
    expect((await made.listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_', 'a_b']);
    await made.dropIndex('a_b');
    expect((await made.indexes()).map((index) => index.name)).toEqual(['_id_']);
    const names = (await target.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).toContain('made');
    expect(await made.drop()).toBe(true);
    expect((await target.db.listCollections({ name: 'made' }).toArray()).length).toBe(0);
    const admin = target.client.db('admin');
    expect((await admin.command({ ping: 1 })).ok).toBe(1);
    expect((await admin.command({ buildInfo: 1 })).version).toMatch(/^\d+\.\d+/);
    const { databases } = await admin.command({ listDatabases: 1 });
    expect(databases.map((d: Document) => d.name)).toContain(target.dbName);
  });

  (realMongoUri ? it.skip : it)('refuses transactions like a standalone server (devdb is one)', async () => {
    const session = target.client.startSession();
    try {
      session.startTransaction();
      await expect(collection('tx').findOne({}, { session })).rejects.toMatchObject({ code: 20 });
      // For writes the driver rewrites code 20 into its own hint, as it does with a real standalone.
      await expect(collection('tx').insertOne({ a: 1 }, { session })).rejects.toThrow(
        /retryable writes|Transaction numbers/,
      );
    } finally {
      await session.abortTransaction().catch(() => undefined);
      await session.endSession();
    }
  });
});
