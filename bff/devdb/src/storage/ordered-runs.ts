// For one level of a compound index (the first `level` fields as an equality prefix), the
// documents of each prefix value kept ordered by the next index field, the way mingo's sort
// orders them: null and missing first (one group), then numbers, strings, dates. A run is built
// the first time a query asks for its prefix and kept up to date by every write afterwards.
// Values mingo would order in some other way (arrays, booleans, sub-documents, BSON classes,
// NaN, invalid dates) are only counted: a run holding any of them is not used for walking.
import type { Document } from 'bson';
import { valueKey, valuesAtPath } from './keys';

/** Sort position of a value: rank of its type group, then the value inside the group. */
export interface OrderKey {
  rank: number;
  value: number | string;
}

export interface RunEntry extends OrderKey {
  id: string;
}

export interface Run {
  /** Ascending by (rank, value); equal keys in no particular order. */
  entries: RunEntry[];
  /** Ids of the prefix whose sort value cannot be ordered here. */
  unorderable: Set<string>;
}

/** mingo's order of the types this file handles: null/missing < number < string < date. */
export function orderKeyOf(value: unknown): OrderKey | null {
  if (value === undefined || value === null) return { rank: 0, value: 0 };
  if (typeof value === 'number') return Number.isNaN(value) ? null : { rank: 1, value: value === 0 ? 0 : value };
  if (typeof value === 'string') return { rank: 2, value };
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? null : { rank: 3, value: time };
  }
  return null;
}

export function compareOrderKeys(a: OrderKey, b: OrderKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** Canonical key of a prefix of values, one per field, as this file and the walker build them. */
export function prefixKey(keys: string[]): string {
  return keys.join('\u0000');
}

export class OrderedRuns {
  private readonly runs = new Map<string, Run>();
  /** Undefined when the prefix is the whole index: the run is then only the prefix's members. */
  readonly sortField: string | undefined;

  constructor(
    private readonly fields: string[],
    readonly level: number,
  ) {
    this.sortField = fields[level];
  }

  /** Every prefix key a document files under (cartesian product over multikey prefix fields). */
  prefixKeysOf(doc: Document): string[] {
    let combos: string[][] = [[]];
    for (const field of this.fields.slice(0, this.level)) {
      const keys = [...new Set(valuesAtPath(doc, field).map(valueKey))];
      combos = combos.flatMap((combo) => keys.map((key) => [...combo, key]));
    }
    return combos.map(prefixKey);
  }

  /** The run of one prefix, built from `ids` (a superset of its members) on first use. */
  run(key: string, ids: () => Iterable<string>, docOf: (id: string) => Document | undefined): Run {
    let run = this.runs.get(key);
    if (run) return run;
    run = { entries: [], unorderable: new Set() };
    for (const id of ids()) {
      const doc = docOf(id);
      if (doc && this.prefixKeysOf(doc).includes(key)) this.file(run, doc, id, false);
    }
    run.entries.sort(compareOrderKeys);
    this.runs.set(key, run);
    return run;
  }

  add(doc: Document, id: string): void {
    if (this.runs.size === 0) return;
    for (const key of this.prefixKeysOf(doc)) {
      const run = this.runs.get(key);
      if (run) this.file(run, doc, id, true);
    }
  }

  remove(doc: Document, id: string): void {
    if (this.runs.size === 0) return;
    for (const key of this.prefixKeysOf(doc)) {
      const run = this.runs.get(key);
      if (!run) continue;
      if (run.unorderable.delete(id)) continue;
      const order = orderKeyOf(this.sortValue(doc));
      if (!order) continue;
      for (let i = lowerBound(run.entries, order); i < run.entries.length; i++) {
        if (compareOrderKeys(run.entries[i], order) !== 0) break;
        if (run.entries[i].id === id) {
          run.entries.splice(i, 1);
          break;
        }
      }
    }
  }

  private sortValue(doc: Document): unknown {
    return this.sortField !== undefined && Object.hasOwn(doc, this.sortField) ? doc[this.sortField] : undefined;
  }

  private file(run: Run, doc: Document, id: string, keepSorted: boolean): void {
    const value = this.sortValue(doc);
    const order = Array.isArray(value) ? null : orderKeyOf(value);
    if (!order) {
      run.unorderable.add(id);
      return;
    }
    const entry = { ...order, id };
    if (!keepSorted) run.entries.push(entry);
    else run.entries.splice(lowerBound(run.entries, order), 0, entry);
  }
}

/** First position whose key is not below `order`. */
function lowerBound(entries: OrderKey[], order: OrderKey): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareOrderKeys(entries[mid], order) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
