// The inbox listing shape over the wire: equality on a multikey prefix, sort on the next field of
// a compound index (both directions, ties broken by _id), skip, limit and small batches fetched
// with getMore. Expected pages are computed here from the inserted data with MongoDB's order
// (null and missing equal and lowest, then dates), so this also runs against a real MongoDB.
import type { Document } from 'mongodb';
import { openTarget, type Target } from './target';

let target: Target;
beforeAll(async () => {
  target = await openTarget();
});
afterAll(async () => {
  await target?.close();
});

const BASE = Date.UTC(2026, 0, 1);
const COUNT = 900;

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function threads(): Document[] {
  const rnd = random(99);
  return Array.from({ length: COUNT }, (_, i) => {
    const doc: Document = {
      _id: i,
      inbox: ['OPEN', rnd() < 0.3 ? 'UNASSIGNED' : `MINE:${i % 3}`, ...(rnd() < 0.5 ? ['WAITING'] : [])],
      hall: `h${i % 2}`,
      body: 'x'.repeat(200),
    };
    const roll = rnd();
    // Few distinct instants: many ties.
    if (roll < 0.1) doc.lastActivityAt = null;
    else if (roll >= 0.2) doc.lastActivityAt = new Date(BASE + Math.floor(rnd() * 30) * 3600_000);
    return doc;
  });
}

/** MongoDB's order for these values: null and missing first, then by time; ties by _id. */
function expected(
  docs: Document[],
  filter: (doc: Document) => boolean,
  direction: 1 | -1,
  idDirection: 1 | -1,
): number[] {
  const time = (doc: Document) => (doc.lastActivityAt instanceof Date ? doc.lastActivityAt.getTime() : -Infinity);
  return docs
    .filter(filter)
    .sort((a, b) => (time(a) - time(b)) * direction || (a._id - b._id) * idDirection || 0)
    .map((doc) => doc._id as number);
}

it('serves sorted inbox pages, skip and getMore batches in MongoDB order', async () => {
  const data = threads();
  const questions = target.db.collection('threads');
  await questions.createIndex({ inbox: 1, lastActivityAt: -1 });
  await questions.insertMany(data);
  const cases: {
    inbox: string;
    hall?: string;
    direction: 1 | -1;
    idDirection: 1 | -1;
    skip: number;
    limit: number;
    batchSize: number;
  }[] = [
    { inbox: 'UNASSIGNED', direction: 1, idDirection: 1, skip: 0, limit: 21, batchSize: 5 },
    { inbox: 'MINE:1', direction: -1, idDirection: -1, skip: 0, limit: 21, batchSize: 101 },
    { inbox: 'WAITING', direction: -1, idDirection: 1, skip: 40, limit: 60, batchSize: 7 },
    { inbox: 'OPEN', hall: 'h1', direction: 1, idDirection: -1, skip: 100, limit: 250, batchSize: 33 },
    { inbox: 'MINE:2', direction: 1, idDirection: 1, skip: 5000, limit: 10, batchSize: 2 },
  ];
  for (const c of cases) {
    const filter: Document = { inbox: c.inbox, ...(c.hall ? { hall: c.hall } : {}) };
    const answer = await questions
      .find(filter, { projection: { body: 0 }, batchSize: c.batchSize })
      .sort({ lastActivityAt: c.direction, _id: c.idDirection })
      .skip(c.skip)
      .limit(c.limit)
      .toArray();
    const want = expected(
      data,
      (doc) => doc.inbox.includes(c.inbox) && (!c.hall || doc.hall === c.hall),
      c.direction,
      c.idDirection,
    );
    expect({ c, ids: answer.map((doc) => doc._id) }).toEqual({ c, ids: want.slice(c.skip, c.skip + c.limit) });
    for (const doc of answer) expect(doc).not.toHaveProperty('body');
  }
  // After updates moving threads between inboxes, pages follow the new state.
  for (let i = 0; i < COUNT; i += 4) {
    data[i].inbox = ['OPEN', 'UNASSIGNED'];
    data[i].lastActivityAt = new Date(BASE + (i % 7) * 3600_000);
    await questions.updateOne(
      { _id: i as never },
      { $set: { inbox: data[i].inbox, lastActivityAt: data[i].lastActivityAt } },
    );
  }
  const page = await questions
    .find({ inbox: 'UNASSIGNED' }, { batchSize: 4 })
    .sort({ lastActivityAt: -1, _id: 1 })
    .limit(30)
    .toArray();
  const want = expected(data, (doc) => doc.inbox.includes('UNASSIGNED'), -1, 1);
  expect(page.map((doc) => doc._id)).toEqual(want.slice(0, 30));
});
