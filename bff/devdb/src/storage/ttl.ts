// TTL indexes: documents whose indexed date (the earliest one, for arrays) lies more than
// expireAfterSeconds in the past are deleted. Uses the index's sorted dates, so a pass costs
// the number of expired documents, not the size of the collection.
import type { Store } from './store';

export function expireDocuments(store: Store, now = Date.now()): number {
  let removed = 0;
  for (const collections of store.databases.values()) {
    for (const collection of collections.values()) {
      for (const index of collection.indexes) {
        const seconds = Number(index.spec.expireAfterSeconds);
        if (index.spec.expireAfterSeconds === undefined || !Number.isFinite(seconds)) continue;
        const cutoff = now - seconds * 1000;
        for (const id of index.range('d', null, { value: cutoff, inclusive: true })) {
          const doc = collection.docs.get(id);
          if (!doc) continue;
          store.remove(collection, doc);
          removed++;
        }
      }
    }
  }
  return removed;
}
