// The field-picking projection must give what mingo's general projection (devdb's reference for
// MongoDB semantics) gives, for every projection shape it accepts; other shapes stay with mingo.
import * as mingo from 'mingo';
import { ObjectId, type Document } from 'bson';
import { compileSimpleProjection } from '../src/simple-projection';
import { findDocuments } from '../src/engine';
import { Store } from '../src/storage/store';

const docs: Document[] = [
  { _id: new ObjectId(), title: '户口迁移', status: 'OPEN', messages: [{ text: '你好' }], count: 3, empty: null },
  { _id: 2, status: 'CLOSED', nested: { a: { b: 1 } }, list: [1, 2, 3] },
  { _id: 'x', title: null },
  { other: true },
];

const accepted: Document[] = [
  { title: 1 },
  { title: 1, status: 1 },
  { title: true, _id: 0 },
  { title: 1, _id: 1 },
  { missing: 1 },
  { _id: 1 },
  { _id: 0 },
  { messages: 0 },
  { messages: 0, count: false },
  { messages: 0, _id: 0 },
  { nested: 1, list: 1 },
  { count: 2 },
];

const refused: Document[] = [
  { 'nested.a': 1 },
  { list: { $slice: 1 } },
  { messages: { $elemMatch: { text: '你好' } } },
  { title: '$status' },
  { title: 1, status: 0 },
  { messages: 0, _id: 1 },
];

describe('simple projection', () => {
  it.each(accepted.map((p) => [JSON.stringify(p), p]))('%s gives what mingo gives', (_label, projection) => {
    const project = compileSimpleProjection(projection);
    expect(project).not.toBeNull();
    const expected = mingo.find(docs, {}, projection).all();
    expect(docs.map(project!)).toEqual(expected);
  });

  it.each(refused.map((p) => [JSON.stringify(p), p]))('%s is left to mingo', (_label, projection) => {
    expect(compileSimpleProjection(projection)).toBeNull();
  });

  it('keeps the stored document untouched and keeps _id first', () => {
    const [first] = docs;
    const before = JSON.stringify(first);
    const out = compileSimpleProjection({ status: 1, title: 1 })!(first);
    expect(Object.keys(out)).toEqual(['_id', 'title', 'status']);
    expect(JSON.stringify(first)).toBe(before);
  });

  it('is what a find with a sort, a limit and a projection returns', () => {
    const store = new Store();
    const collection = store.ensureCollection('db', 'threads');
    for (let i = 0; i < 50; i++)
      store.insert(collection, { _id: i, inbox: i % 2 ? 'OPEN' : 'WAITING', at: 50 - i, big: 'x' });
    const found = findDocuments(collection, { inbox: 'OPEN' }, { sort: { at: 1 }, limit: 3, projection: { at: 1 } });
    expect(found).toEqual([
      { _id: 49, at: 1 },
      { _id: 47, at: 3 },
      { _id: 45, at: 5 },
    ]);
  });
});
