// The sorted index walk (equality prefix + sort on the next index field + limit) must give exactly
// what the general path gives (all candidates, stable mingo sort), ties and odd values included.
// Generated data with ties, null, missing and mixed-type sort values, multikey prefixes, $in,
// skip, projections and writes between queries; each query is run both ways and compared.
import type { Document } from 'bson';
import { Collection } from '../src/storage/collection';
import { findDocuments, compileFilter } from '../src/engine';
import { walkSorted } from '../src/sorted-walk';
import { plan } from '../src/storage/planner';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 1);

/** Sort values with many ties; `mixed` adds numbers and strings beside dates, null and missing. */
function sortValue(rnd: () => number, mixed: boolean): unknown {
  const roll = rnd();
  if (roll < 0.08) return undefined;
  if (roll < 0.15) return null;
  if (mixed && roll < 0.25) return Math.floor(rnd() * 5) - 2;
  if (mixed && roll < 0.3) return ['a', 'b', 'B', ''][Math.floor(rnd() * 4)];
  return new Date(BASE + Math.floor(rnd() * 20) * DAY);
}

function thread(i: number, rnd: () => number, mixed: boolean): Document {
  const doc: Document = {
    _id: i,
    inbox: [
      'OPEN',
      ...(rnd() < 0.3 ? ['UNASSIGNED'] : [`MINE:${Math.floor(rnd() * 4)}`]),
      ...(rnd() < 0.4 ? ['WAITING'] : []),
    ],
    hall: `h${Math.floor(rnd() * 3)}`,
    priority: Math.floor(rnd() * 3),
    title: `t${Math.floor(rnd() * 50)}`,
  };
  const at = sortValue(rnd, mixed);
  if (at !== undefined) doc.lastActivityAt = at;
  const due = sortValue(rnd, mixed);
  if (due !== undefined) doc.dueAt = due;
  return doc;
}

function build(seed: number, count: number, mixed: boolean): Collection {
  const collection = new Collection('db', 'threads');
  const rnd = random(seed);
  collection.addIndex({ name: 'residentish', key: { hall: 1 } });
  // Half the documents exist before the compound indexes are built, half after.
  for (let i = 0; i < count / 2; i++) collection.insert(thread(i, rnd, mixed));
  collection.addIndex({ name: 'inbox_at', key: { inbox: 1, lastActivityAt: -1 } });
  collection.addIndex({ name: 'inbox_due', key: { inbox: 1, dueAt: 1 } });
  collection.addIndex({ name: 'hall_priority_at', key: { hall: 1, priority: 1, lastActivityAt: 1 } });
  for (let i = count / 2; i < count; i++) collection.insert(thread(i, rnd, mixed));
  return collection;
}

/** Random replacements (new values, new inboxes) and deletes among the first `count` ids. */
function churn(collection: Collection, rnd: () => number, writes: number, count: number, mixed: boolean) {
  for (let i = 0; i < writes; i++) {
    const id = Math.floor(rnd() * count);
    const doc = collection.docs.get(`n:${id}`);
    if (!doc) continue;
    if (rnd() < 0.2) collection.remove(doc);
    else collection.replace(doc, { ...thread(id, rnd, mixed), _id: id });
  }
  return rnd;
}

interface Case {
  filter: Document;
  sort: Record<string, 1 | -1>;
  skip?: number;
  limit: number;
  projection?: Document;
}

const queries: Case[] = [
  { filter: { inbox: 'UNASSIGNED' }, sort: { lastActivityAt: 1 }, limit: 20 },
  { filter: { inbox: 'UNASSIGNED' }, sort: { lastActivityAt: -1 }, limit: 20 },
  { filter: { inbox: 'MINE:1' }, sort: { lastActivityAt: -1, _id: -1 }, limit: 21 },
  { filter: { inbox: 'MINE:2' }, sort: { lastActivityAt: 1, _id: 1 }, skip: 15, limit: 10 },
  { filter: { inbox: 'WAITING' }, sort: { lastActivityAt: -1, title: 1 }, skip: 3, limit: 7 },
  { filter: { inbox: 'OPEN', priority: 2 }, sort: { lastActivityAt: -1 }, limit: 30 },
  { filter: { inbox: 'OPEN', hall: { $ne: 'h1' } }, sort: { dueAt: 1 }, limit: 25 },
  { filter: { inbox: 'WAITING', dueAt: { $lt: new Date(BASE + 10 * DAY) } }, sort: { dueAt: 1, _id: 1 }, limit: 20 },
  { filter: { inbox: { $in: ['UNASSIGNED', 'MINE:3'] } }, sort: { lastActivityAt: -1 }, limit: 40 },
  { filter: { inbox: { $in: ['MINE:0', 'WAITING'] } }, sort: { dueAt: -1 }, skip: 5, limit: 30 },
  { filter: { hall: 'h2', priority: 1 }, sort: { lastActivityAt: -1 }, limit: 15 },
  {
    filter: { hall: { $in: ['h0', 'h2'] }, priority: { $in: [0, 1] } },
    sort: { lastActivityAt: 1, title: -1 },
    limit: 50,
  },
  { filter: { inbox: 'OPEN', title: { $regex: '^t1' } }, sort: { lastActivityAt: -1 }, limit: 10 },
  { filter: { inbox: 'UNASSIGNED' }, sort: { lastActivityAt: -1 }, limit: 5, projection: { lastActivityAt: 0 } },
  { filter: { inbox: 'MINE:0' }, sort: { dueAt: 1 }, limit: 5, projection: { title: 1 } },
  { filter: { inbox: 'MINE:0' }, sort: { lastActivityAt: -1 }, skip: 10_000, limit: 5 },
  { filter: { inbox: 'NOBODY' }, sort: { lastActivityAt: -1 }, limit: 5 },
];

const ids = (docs: Document[]) => docs.map((doc) => JSON.stringify(doc));

function expectSameAnswers(collection: Collection, label: string): void {
  for (const query of queries) {
    const options = { sort: query.sort, skip: query.skip, limit: query.limit, projection: query.projection };
    const walked = findDocuments(collection, query.filter, options, true);
    const general = findDocuments(collection, query.filter, options, false);
    expect({ label, query, answer: ids(walked) }).toEqual({ label, query, answer: ids(general) });
  }
}

/** Whether the walk (and not the general path) answers a query. */
function walks(collection: Collection, query: Case): boolean {
  const wanted = (query.skip ?? 0) + query.limit;
  return walkSorted(collection, query.filter, query.sort, wanted, compileFilter(query.filter)) !== null;
}

describe.each([
  ['dates, null and missing', false],
  ['mixed types', true],
])('sort values: %s', (_name, mixed) => {
  it.each([1, 2, 3])('matches the general path on seed %i, through updates and deletes', (seed) => {
    const collection = build(seed, 1_200, mixed);
    expectSameAnswers(collection, 'fresh');
    // Writes after the runs exist: they must keep them right (and move updated documents to the
    // end of the tie order, as the general path does).
    const rnd = churn(collection, random(seed * 7), 300, 1_200, mixed);
    for (let i = 1_200; i < 1_300; i++) collection.insert(thread(i, rnd, mixed));
    expectSameAnswers(collection, 'after writes');
  });
});

it('walks the index for the inbox shapes (and not only falls back)', () => {
  const collection = build(4, 1_000, false);
  expect(walks(collection, queries[2])).toBe(true);
  expect(walks(collection, queries[7])).toBe(true);
  expect(walks(collection, queries[8])).toBe(true);
  expect(walks(collection, queries[10])).toBe(true);
});

it('falls back when a sort value cannot be ordered like mingo does, with the same answers', () => {
  const collection = build(5, 400, false);
  const query = queries[0];
  expect(walks(collection, query)).toBe(true);
  const doc = collection.docs.get('n:7')!;
  for (const odd of [[new Date(BASE)], true, { nested: 1 }]) {
    collection.replace(collection.docs.get('n:7')!, { ...doc, inbox: ['UNASSIGNED'], lastActivityAt: odd });
    expect(walks(collection, query)).toBe(false);
    expectSameAnswers(collection, `odd value ${JSON.stringify(odd)}`);
  }
  collection.replace(collection.docs.get('n:7')!, { ...doc, inbox: ['UNASSIGNED'], lastActivityAt: new Date(BASE) });
  expect(walks(collection, query)).toBe(true);
  expectSameAnswers(collection, 'odd value gone');
});

it('does not walk without an equality prefix, on a field after the sort field, by _id or on a sparse index', () => {
  const collection = build(6, 200, false);
  expect(
    walks(collection, { filter: { lastActivityAt: { $gt: new Date(BASE) } }, sort: { lastActivityAt: 1 }, limit: 5 }),
  ).toBe(false);
  expect(walks(collection, { filter: { inbox: 'OPEN' }, sort: { title: 1 }, limit: 5 })).toBe(false);
  expect(walks(collection, { filter: { _id: 3, inbox: 'OPEN' }, sort: { lastActivityAt: 1 }, limit: 5 })).toBe(false);
  const sparse = new Collection('db', 'sparse');
  sparse.addIndex({ name: 'a_b', key: { a: 1, b: 1 }, sparse: true });
  sparse.insert({ _id: 1, a: 1, b: 2 });
  expect(walks(sparse, { filter: { a: 1 }, sort: { b: 1 }, limit: 5 })).toBe(false);
});

describe('equality on several fields of a compound index', () => {
  const narrowingQueries: Document[] = [
    { hall: 'h1', priority: 2 },
    { hall: { $in: ['h2', 'h0'] }, priority: 1, title: { $ne: 't3' } },
    { hall: 'h0', priority: { $in: [0, 2] }, lastActivityAt: null },
    { inbox: 'OPEN', lastActivityAt: new Date(BASE + 3 * DAY) },
    { inbox: { $in: ['WAITING', 'MINE:1'] }, dueAt: new Date(BASE + 5 * DAY) },
  ];

  /** The answer of the first-field look-up alone (plan without document access), in its order. */
  function byFirstFieldOnly(collection: Collection, filter: Document): Document[] {
    const chosen = plan(filter, collection.indexes);
    const matches = compileFilter(filter);
    const ids = chosen.kind === 'ids' ? [...chosen.ids] : [...collection.docs.keys()];
    return ids.map((id) => collection.docs.get(id)).filter((doc): doc is Document => !!doc && matches(doc));
  }

  it.each([7, 8])('narrows the candidates and keeps the look-up order (seed %i), through writes', (seed) => {
    const collection = build(seed, 1_500, true);
    const check = () => {
      for (const filter of narrowingQueries) {
        expect({ filter, answer: ids(findDocuments(collection, filter)) }).toEqual({
          filter,
          answer: ids(byFirstFieldOnly(collection, filter)),
        });
      }
    };
    check();
    expect(collection.candidates({ hall: 'h1', priority: 2 }).length).toBeLessThan(300);
    expect(collection.candidates({ inbox: 'OPEN', lastActivityAt: new Date(BASE + 3 * DAY) }).length).toBeLessThan(200);
    churn(collection, random(seed * 11), 400, 1_500, true);
    check();
  });
});
