// One secondary index. It keeps, for its FIRST field, a Map from canonical value to the ids of
// the documents holding it (equality and $in look-ups) plus a lazily sorted list of those values
// per type bracket (range look-ups and TTL). Later fields of a compound index only matter for
// uniqueness, which uses a second Map keyed by the full compound key. Look-ups return a superset
// of the matches; the caller always re-applies the filter with mingo.
import { Query } from 'mingo';
import type { Document } from 'bson';
import { rangeOfKey, valueKey, valuesAtPath, type Bracket } from './keys';
import { OrderedRuns, prefixKey, type Run } from './ordered-runs';

export interface IndexSpec {
  name: string;
  key: Document;
  unique?: boolean;
  sparse?: boolean;
  expireAfterSeconds?: number;
  partialFilterExpression?: Document;
  [option: string]: unknown;
}

export interface RangeBound {
  value: number | string;
  inclusive: boolean;
}

export class SecondaryIndex {
  readonly fields: string[];
  private readonly byFirstField = new Map<string, Set<string>>();
  private readonly uniqueKeys = new Map<string, string>();
  private readonly sorted: Record<Bracket, { keys: string[]; dirty: boolean; last: number | string | null }> = {
    n: { keys: [], dirty: false, last: null },
    s: { keys: [], dirty: false, last: null },
    d: { keys: [], dirty: false, last: null },
  };
  private readonly partial: Query | null;
  /** Set once any document puts an array under an indexed field: ranges may then use one bound only. */
  multikey = false;
  /**
   * When each document was last added. Every key's id set is in this order (an update removes
   * and re-adds), which is the order look-ups hand candidates out in: walks use it for ties.
   */
  private readonly addedAt = new Map<string, number>();
  private addCount = 0;
  /** Ordered runs per equality-prefix length, created when a sorted walk first asks. */
  private readonly orderedByLevel = new Map<number, OrderedRuns>();

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.key);
    this.partial = spec.partialFilterExpression ? new Query(spec.partialFilterExpression, {}) : null;
  }

  get name(): string {
    return this.spec.name;
  }

  /** Whether the planner may answer look-ups on the first field from this index alone. */
  get complete(): boolean {
    return !this.spec.sparse && !this.partial && typeof this.spec.key[this.fields[0]] !== 'string';
  }

  private covers(doc: Document): boolean {
    if (this.partial && !this.partial.test(doc)) return false;
    if (this.spec.sparse && this.fields.every((field) => valuesAtPath(doc, field).every((v) => v === undefined)))
      return false;
    return true;
  }

  /** Full compound keys of a document (cartesian product over multikey fields). */
  private compoundKeys(doc: Document): { keys: string[]; values: unknown[][] } {
    let combos: { key: string; values: unknown[] }[] = [{ key: '', values: [] }];
    for (const field of this.fields) {
      const values = dedupe(valuesAtPath(doc, field));
      const next: { key: string; values: unknown[] }[] = [];
      for (const combo of combos) {
        for (const value of values)
          next.push({ key: `${combo.key}\u0000${valueKey(value)}`, values: [...combo.values, value] });
      }
      combos = next;
    }
    return { keys: combos.map((c) => c.key), values: combos.map((c) => c.values) };
  }

  /** The key values of `doc` that another document already owns, or null. Checked before any write. */
  conflict(doc: Document, id: string): Document | null {
    if (!this.spec.unique || !this.covers(doc)) return null;
    const { keys, values } = this.compoundKeys(doc);
    for (let i = 0; i < keys.length; i++) {
      const owner = this.uniqueKeys.get(keys[i]);
      if (owner !== undefined && owner !== id) {
        return Object.fromEntries(this.fields.map((field, f) => [field, values[i][f] ?? null]));
      }
    }
    return null;
  }

  add(doc: Document, id: string): void {
    if (!this.covers(doc)) return;
    this.addedAt.set(id, ++this.addCount);
    for (const runs of this.orderedByLevel.values()) runs.add(doc, id);
    const firstValues = valuesAtPath(doc, this.fields[0]);
    if (firstValues.length > 1 || Array.isArray(doc[this.fields[0]])) this.multikey = true;
    for (const key of new Set(firstValues.map(valueKey))) {
      let ids = this.byFirstField.get(key);
      if (!ids) {
        ids = new Set();
        this.byFirstField.set(key, ids);
        this.noteNewKey(key);
      }
      ids.add(id);
    }
    if (this.spec.unique) for (const key of this.compoundKeys(doc).keys) this.uniqueKeys.set(key, id);
  }

  remove(doc: Document, id: string): void {
    if (!this.covers(doc)) return;
    this.addedAt.delete(id);
    for (const runs of this.orderedByLevel.values()) runs.remove(doc, id);
    for (const key of new Set(valuesAtPath(doc, this.fields[0]).map(valueKey))) {
      const ids = this.byFirstField.get(key);
      if (!ids) continue;
      ids.delete(id);
      // Emptied keys stay in the sorted lists; range scans skip them, so removal stays O(1).
      if (ids.size === 0) this.byFirstField.delete(key);
    }
    if (this.spec.unique) {
      for (const key of this.compoundKeys(doc).keys) if (this.uniqueKeys.get(key) === id) this.uniqueKeys.delete(key);
    }
  }

  /** Appending in order keeps the list sorted for free (the common case: dates, counters). */
  private noteNewKey(key: string): void {
    const range = rangeOfKey(key);
    if (!range) return;
    const list = this.sorted[range.bracket];
    if (list.dirty) return;
    if (list.last === null || range.value > list.last) {
      list.keys.push(key);
      list.last = range.value;
    } else list.dirty = true;
  }

  /** Position of a document in this index's look-up order (lower comes first). */
  addedOrder(id: string): number {
    return this.addedAt.get(id) ?? Infinity;
  }

  /**
   * The documents whose first `level` fields have the given keys, ordered by field `level`.
   * Only for complete indexes with ascending/descending keys on those fields.
   */
  orderedRun(level: number, keys: string[], docOf: (id: string) => Document | undefined): Run {
    let runs = this.orderedByLevel.get(level);
    if (!runs) {
      runs = new OrderedRuns(this.fields, level);
      this.orderedByLevel.set(level, runs);
    }
    return runs.run(prefixKey(keys), () => this.byFirstField.get(keys[0]) ?? [], docOf);
  }

  /** How many ids `equal(keys)` would return at most, without building the set. */
  keyCount(keys: string[]): number {
    let count = 0;
    for (const key of keys) count += this.byFirstField.get(key)?.size ?? 0;
    return count;
  }

  equal(keys: string[]): Set<string> {
    const out = new Set<string>();
    for (const key of keys) for (const id of this.byFirstField.get(key) ?? []) out.add(id);
    return out;
  }

  range(bracket: Bracket, lower: RangeBound | null, upper: RangeBound | null): Set<string> {
    const list = this.sorted[bracket];
    if (list.dirty) {
      list.keys = [...this.byFirstField.keys()].filter((key) => key[0] === bracket && key[1] === ':');
      list.keys.sort((a, b) => compare(rangeOfKey(a)!.value, rangeOfKey(b)!.value));
      list.last = list.keys.length ? rangeOfKey(list.keys[list.keys.length - 1])!.value : null;
      list.dirty = false;
    }
    const valueAt = (i: number) => rangeOfKey(list.keys[i])!.value;
    let start = 0;
    if (lower) {
      let lo = 0;
      let hi = list.keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const v = valueAt(mid);
        if (v < lower.value || (!lower.inclusive && v === lower.value)) lo = mid + 1;
        else hi = mid;
      }
      start = lo;
    }
    const out = new Set<string>();
    for (let i = start; i < list.keys.length; i++) {
      const v = valueAt(i);
      if (upper && (v > upper.value || (!upper.inclusive && v === upper.value))) break;
      for (const id of this.byFirstField.get(list.keys[i]) ?? []) out.add(id);
    }
    return out;
  }
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dedupe(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = valueKey(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
