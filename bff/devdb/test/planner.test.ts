// The planner narrows indexed look-ups instead of scanning: equality, $in, ranges, multikey
// arrays and compound prefixes; filters it cannot serve fall back to a full scan.
import { Collection } from '../src/storage/collection';
import { findDocuments } from '../src/engine';

function collectionWith(count: number): Collection {
  const collection = new Collection('db', 'items');
  collection.addIndex({ name: 'n_1', key: { n: 1 } });
  collection.addIndex({ name: 'tags_1_day_1', key: { tags: 1, day: 1 } });
  collection.addIndex({ name: 'at_1', key: { at: 1 } });
  // Inserted out of order so the sorted lists must be rebuilt at least once.
  for (let i = count - 1; i >= 0; i--) {
    collection.insert({
      _id: i,
      n: i % 100,
      tags: [`t${i % 7}`, 'all'],
      day: i % 3,
      at: new Date(1_700_000_000_000 + i * 1000),
      s: `s${i}`,
    });
  }
  return collection;
}

const collection = collectionWith(10_000);

it.each([
  ['equality', { n: 5 }, 100],
  ['$eq', { n: { $eq: 5 } }, 100],
  ['$in', { n: { $in: [1, 2] } }, 200],
  ['range', { n: { $gte: 10, $lt: 12 } }, 200],
  ['multikey equality', { tags: 't3' }, Math.ceil(10_000 / 7)],
  ['date range', { at: { $lt: new Date(1_700_000_000_000 + 50 * 1000) } }, 50],
  ['_id', { _id: 42 }, 1],
])('%s uses an index', (_name, filter, expected) => {
  const candidates = collection.candidates(filter);
  expect(candidates.length).toBeLessThan(collection.docs.size);
  expect(findDocuments(collection, filter)).toHaveLength(expected);
});

it('falls back to a scan for filters no index serves, with the same answers', () => {
  expect(collection.candidates({ s: 's5' })).toHaveLength(10_000);
  expect(findDocuments(collection, { s: 's5' })).toHaveLength(1);
  expect(findDocuments(collection, { $or: [{ n: 1 }, { s: 's2' }] })).toHaveLength(101);
});

it('keeps indexes right through updates and deletes', () => {
  const small = collectionWith(10);
  const doc = small.docs.get('n:3')!;
  small.replace(doc, { ...doc, n: 500 });
  expect(findDocuments(small, { n: 3 })).toHaveLength(0);
  expect(findDocuments(small, { n: { $gt: 400 } }).map((d) => d._id)).toEqual([3]);
  small.remove(small.docs.get('n:3')!);
  expect(findDocuments(small, { n: 500 })).toHaveLength(0);
  expect(findDocuments(small, { n: { $gte: 0 } })).toHaveLength(9);
});
