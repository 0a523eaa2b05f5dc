// `find(equality on an index's leading fields).sort(next index field).limit(n)` without sorting
// every candidate: the index's ordered runs for that prefix are walked in sort order, one group
// of equal sort values at a time, and the walk stops once skip + limit documents matched.
//
// The answer must be exactly the one of the general path (candidates in look-up order, then a
// stable mingo sort), so:
// - runs order values as mingo does, and the walk is refused when a run holds a value mingo
//   would order otherwise (arrays, booleans, sub-documents, Long...);
// - inside a group of equal sort values, documents are put in the general path's candidate
//   order (the look-up index's key order, then its addedOrder), then sorted by the remaining
//   sort fields with mingo, which is stable.
import type { Document } from 'bson';
import type { Collection } from './storage/collection';
import { compareOrderKeys, type Run, type RunEntry } from './storage/ordered-runs';
import { keyLookup, lookupOrder, prefixesFor } from './storage/planner';
import type { SecondaryIndex } from './storage/secondary-index';
import { mingoQuery } from './mingo-options';

interface WalkPlan {
  index: SecondaryIndex;
  level: number;
  prefixes: string[][];
}

/** Picks the compound index whose leading fields the filter pins and whose next field is the sort's first. */
function choose(collection: Collection, filter: Document, sortField: string): WalkPlan | null {
  let best: WalkPlan | null = null;
  for (const index of collection.indexes) {
    if (!index.complete) continue;
    const level = index.fields.indexOf(sortField);
    if (level < 1 || (best && best.level >= level)) continue;
    if (!index.fields.slice(0, level + 1).every((field) => typeof index.spec.key[field] === 'number')) continue;
    const prefixes = prefixesFor(filter, index.fields.slice(0, level));
    if (!prefixes) continue;
    best = { index, level, prefixes };
  }
  return best;
}

/**
 * The first skip + limit matches in sort order, or null when this query is not one the walk can
 * answer exactly (the caller then takes the general path).
 */
export function walkSorted(
  collection: Collection,
  filter: Document,
  sort: Record<string, 1 | -1>,
  wanted: number,
  matches: (doc: Document) => boolean,
): Document[] | null {
  const sortFields = Object.keys(sort);
  const sortField = sortFields[0];
  const direction = sort[sortField];
  if ((direction !== 1 && direction !== -1) || sortField.includes('.') || sortField.startsWith('$')) return null;
  const lookup = keyLookup(filter, collection.indexes);
  if (!lookup) return null;
  const chosen = choose(collection, filter, sortField);
  if (!chosen) return null;
  const docOf = (id: string) => collection.docs.get(id);
  const runs: Run[] = chosen.prefixes.map((keys) => chosen.index.orderedRun(chosen.level, keys, docOf));
  if (runs.some((run) => run.unorderable.size > 0)) return null;

  // The general path hands candidates out key by key in the look-up's $in order, then by addedOrder.
  const candidateOrder = lookupOrder(lookup);

  const step = direction === 1 ? 1 : -1;
  const positions = runs.map((run) => (step === 1 ? 0 : run.entries.length - 1));
  const current = (r: number): RunEntry | undefined => runs[r].entries[positions[r]];
  const seen = new Set<string>();
  const out: Document[] = [];
  while (out.length < wanted) {
    let head: RunEntry | undefined;
    for (let r = 0; r < runs.length; r++) {
      const entry = current(r);
      if (entry && (!head || compareOrderKeys(entry, head) * step < 0)) head = entry;
    }
    if (!head) break;
    const group: { doc: Document; id: string }[] = [];
    for (let r = 0; r < runs.length; r++) {
      for (let entry = current(r); entry && compareOrderKeys(entry, head) === 0; entry = current(r)) {
        positions[r] += step;
        if (seen.has(entry.id)) continue;
        seen.add(entry.id);
        const doc = docOf(entry.id);
        if (doc && matches(doc)) group.push({ doc, id: entry.id });
      }
    }
    if (group.length === 0) continue;
    group.sort(candidateOrder);
    const docs = group.map((member) => member.doc);
    if (sortFields.length > 1 && docs.length > 1)
      out.push(...(mingoQuery({}).find(docs).sort(sort).all() as Document[]));
    else out.push(...docs);
  }
  return out;
}
