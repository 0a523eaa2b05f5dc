// The hot-path matcher and updater must give exactly what MongoDB's semantics (mingo's
// evaluation, which devdb used everywhere before) give. These cases are differential: thousands
// of generated documents, filters and updates, each answered both ways and compared. The same
// rules are checked end to end, and against a real MongoDB, in fast-path.test.ts.
import * as mingo from 'mingo';
import { BSON, Decimal128, Long, ObjectId, type Document } from 'bson';
import { compileFilter, computeUpdate, mingoOptions } from '../src/engine';
import { SimpleFilter } from '../src/simple-filter';
import { applySimpleUpdate } from '../src/simple-update';

/** A small deterministic generator so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const oid = new ObjectId('665f1c2e9b1e8a0012345678');
const date = new Date('2024-06-01T08:00:00Z');
/** Values that stress type bracketing, null/missing, arrays and BSON number classes. */
const storedValues: unknown[] = [
  undefined,
  null,
  0,
  1,
  5,
  -1,
  5.5,
  NaN,
  '',
  '5',
  'a',
  'b',
  true,
  false,
  date,
  new Date(date.getTime() + 1),
  oid,
  new ObjectId('665f1c2e9b1e8a0012345679'),
  Long.fromNumber(5),
  Decimal128.fromString('5'),
  Decimal128.fromString('5.5'),
  [],
  [5],
  ['a', 'b'],
  [null],
  [[5]],
  [date],
  { a: 1 },
  { x: null },
  /a/,
  oid.toHexString(),
];
const queryValues: unknown[] = [null, 0, 1, 5, 5.5, -1, '', '5', 'a', true, false, date, oid, oid.toHexString()];
const rangeValues: unknown[] = [0, 1, 5, 5.5, date, new Date(date.getTime() + 1)];

function pick<T>(next: () => number, list: T[]): T {
  return list[Math.floor(next() * list.length)];
}

function condition(next: () => number): unknown {
  switch (Math.floor(next() * 8)) {
    case 0:
    case 1:
      return pick(next, queryValues);
    case 2:
      return { $eq: pick(next, queryValues) };
    case 3:
      return { $ne: pick(next, queryValues) };
    case 4:
      return { [pick(next, ['$in', '$nin'])]: [pick(next, queryValues), pick(next, queryValues)] };
    case 5:
      return { $exists: next() < 0.5 };
    case 6:
      return {
        [pick(next, ['$gt', '$gte'])]: pick(next, rangeValues),
        [pick(next, ['$lt', '$lte'])]: pick(next, rangeValues),
      };
    default:
      return { [pick(next, ['$gt', '$gte', '$lt', '$lte'])]: pick(next, rangeValues) };
  }
}

function documentFrom(next: () => number, id: number): Document {
  const doc: Document = { _id: id };
  for (const field of ['a', 'b']) {
    const value = pick(next, storedValues);
    if (value !== undefined) doc[field] = value;
  }
  return doc;
}

describe('simple filter against mingo', () => {
  it('agrees on 20,000 generated document/filter pairs', () => {
    const next = random(7);
    let decidedHere = 0;
    for (let i = 0; i < 20_000; i++) {
      const doc = documentFrom(next, i);
      const filter: Document = { a: condition(next) };
      if (next() < 0.4) filter.b = condition(next);
      const simple = SimpleFilter.compile(filter);
      expect(simple).not.toBeNull();
      const expected = mingo.find([doc], filter, undefined, mingoOptions).all().length === 1;
      const verdict = simple!.match(doc);
      if (verdict !== undefined) decidedHere++;
      if (compileFilter(filter)(doc) !== expected) {
        throw new Error(`filter ${BSON.EJSON.stringify(filter)} on ${BSON.EJSON.stringify(doc)}: expected ${expected}`);
      }
    }
    // Most pairs must be decided without mingo, or the fast path is not doing its job.
    expect(decidedHere).toBeGreaterThan(12_000);
  });

  it('leaves other shapes to mingo', () => {
    for (const filter of [
      { 'a.b': 1 },
      { a: { b: 1 } },
      { a: [1] },
      { a: /x/ },
      { a: { $in: [/x/] } },
      { a: Long.fromString('9007199254740993') },
      { a: Decimal128.fromString('1') },
      { a: NaN },
      { a: { $gt: 'm' } },
      { a: { $elemMatch: { $gt: 1 } } },
      { a: { $exists: 1 } },
      { $or: [{ a: 1 }] },
      { a: { $gt: 1, b: 2 } },
    ] as Document[]) {
      expect(SimpleFilter.compile(filter)).toBeNull();
    }
  });
});

describe('simple update against mingo', () => {
  const updateValues: unknown[] = [0, 1, 5, -2, 2.5, 'x', null, date, { a: 1 }, [1, 2], true];

  function updateFrom(next: () => number): Document {
    const update: Document = {};
    for (const operator of ['$set', '$inc', '$unset', '$setOnInsert']) {
      if (next() < 0.5) continue;
      const field = pick(next, ['a', 'b', 'c', 'd']);
      const value = operator === '$inc' ? pick(next, [0, 1, -1, 2.5]) : pick(next, updateValues);
      update[operator] = { [field]: value };
    }
    return Object.keys(update).length ? update : { $set: { a: 1 } };
  }

  it('agrees on 5,000 generated updates (result document, field order and the modified flag)', () => {
    const next = random(11);
    let decidedHere = 0;
    for (let i = 0; i < 5000; i++) {
      const current = documentFrom(next, i);
      const update = updateFrom(next);
      const snapshot = BSON.serialize(current);
      const fast = applySimpleUpdate(current, update);
      expect(Buffer.from(BSON.serialize(current)).equals(snapshot)).toBe(true); // never mutates the stored document
      if (!fast) continue;
      decidedHere++;
      // A type-preserving copy (the stored document itself must stay untouched).
      const reference = BSON.deserialize(BSON.serialize(current), { promoteLongs: false });
      const modifier = { ...update };
      delete modifier.$setOnInsert;
      let changed: string[] = [];
      if (Object.keys(modifier).length)
        changed = mingo.update(reference, modifier, [], {}, { cloneMode: 'deep', queryOptions: mingoOptions });
      const got = BSON.EJSON.stringify(fast.doc, { relaxed: false });
      const want = BSON.EJSON.stringify(reference, { relaxed: false });
      if (got !== want || fast.modified !== changed.length > 0) {
        throw new Error(
          `update ${BSON.EJSON.stringify(update)} on ${BSON.EJSON.stringify(current)}: got ${got} (${fast.modified}), want ${want} (${changed.length > 0})`,
        );
      }
    }
    expect(decidedHere).toBeGreaterThan(1000);
  });

  it('leaves other updates to mingo', () => {
    const current = { _id: 1, a: 'text', n: 1 };
    for (const update of [
      { $set: { 'a.b': 1 } },
      { $set: { _id: 1 } },
      { $inc: { a: 1 } },
      { $inc: { n: Long.fromNumber(1) } },
      { $set: { n: 1 }, $inc: { n: 1 } },
      { $set: {} },
      { $push: { l: 1 } },
    ] as Document[]) {
      expect(applySimpleUpdate(current, update)).toBeNull();
    }
  });

  it('keeps the size limit on the fast path', () => {
    const big = 'x'.repeat(9 * 1024 * 1024);
    const current = { _id: 1, a: big };
    expect(() => computeUpdate(current, { $set: { b: big } }, { filter: { _id: 1 } })).toThrow(/larger than/);
  });
});
