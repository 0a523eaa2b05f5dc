// Aggregation through the driver: $match, $group, $sort, $lookup across collections, $unwind.
import { openTarget, type Target } from './target';

let target: Target;
beforeAll(async () => {
  target = await openTarget();
  await target.db.collection('halls').insertMany([
    { _id: 'east' as never, city: 'hz', name: '东区服务大厅' },
    { _id: 'west' as never, city: 'hz', name: '西区服务大厅' },
  ]);
  await target.db.collection('bookings').insertMany([
    { hall: 'east', day: 1, people: 2, tags: ['id', 'move'] },
    { hall: 'east', day: 2, people: 1, tags: ['id'] },
    { hall: 'west', day: 1, people: 4, tags: ['cert'] },
    { hall: 'nowhere', day: 3, people: 9, tags: [] },
  ]);
});
afterAll(async () => {
  await target?.close();
});

it('groups and sorts', async () => {
  const rows = await target.db
    .collection('bookings')
    .aggregate([
      { $match: { day: { $lte: 2 } } },
      { $group: { _id: '$hall', total: { $sum: '$people' }, visits: { $sum: 1 } } },
      { $sort: { total: -1 } },
    ])
    .toArray();
  expect(rows).toEqual([
    { _id: 'west', total: 4, visits: 1 },
    { _id: 'east', total: 3, visits: 2 },
  ]);
});

it('joins another collection with $lookup and flattens with $unwind', async () => {
  const rows = await target.db
    .collection('bookings')
    .aggregate([
      { $lookup: { from: 'halls', localField: 'hall', foreignField: '_id', as: 'hallDoc' } },
      { $unwind: '$hallDoc' },
      { $project: { _id: 0, day: 1, hallName: '$hallDoc.name' } },
      { $sort: { day: 1, hallName: 1 } },
    ])
    .toArray();
  expect(rows).toEqual([
    { day: 1, hallName: '东区服务大厅' },
    { day: 1, hallName: '西区服务大厅' },
    { day: 2, hallName: '东区服务大厅' },
  ]);
});

it('unwinds arrays and counts documents', async () => {
  const rows = await target.db
    .collection('bookings')
    .aggregate([{ $unwind: '$tags' }, { $group: { _id: '$tags', n: { $sum: 1 } } }, { $sort: { n: -1, _id: 1 } }])
    .toArray();
  expect(rows).toEqual([
    { _id: 'id', n: 2 },
    { _id: 'cert', n: 1 },
    { _id: 'move', n: 1 },
  ]);
  expect(await target.db.collection('bookings').countDocuments({ hall: 'east' })).toBe(2);
  expect(
    await target.db
      .collection('absent')
      .aggregate([{ $match: {} }])
      .toArray(),
  ).toEqual([]);
});
