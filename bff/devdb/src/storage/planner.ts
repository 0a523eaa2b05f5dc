// Picks the index that can narrow a filter down before mingo evaluates it. Only top-level
// conditions on an index's first field are used: equality, $eq, $in and ranges. Anything else
// (regex, $ne, $or, sub-document equality...) falls back to a collection scan. The returned ids
// are a superset of the matches; the filter is always applied afterwards.
import type { Document } from 'bson';
import { isPlainObject, rangeValue, valueKey, type Bracket } from './keys';
import type { RangeBound, SecondaryIndex } from './secondary-index';

export type Plan = { kind: 'ids'; ids: Iterable<string>; index: string } | { kind: 'scan' };

/** A value the index can look up exactly (not an array, regex or sub-document). */
function isPointValue(value: unknown): boolean {
  if (Array.isArray(value) || value instanceof RegExp) return false;
  return !isPlainObject(value);
}

type Condition = { kind: 'keys'; keys: string[] } | { kind: 'range'; bracket: Bracket; lower: RangeBound | null; upper: RangeBound | null };

/** Reads what a filter says about one top-level field, if it is something an index can serve. */
export function conditionFor(filter: Document, field: string): Condition | null {
  if (!(field in filter)) return null;
  const value = filter[field];
  if (isPointValue(value)) return { kind: 'keys', keys: [valueKey(value)] };
  if (!isPlainObject(value)) return null;
  const ops = Object.keys(value);
  if (ops.length === 0 || !ops.every((op) => op.startsWith('$'))) return null;
  if ('$eq' in value && isPointValue(value.$eq)) return { kind: 'keys', keys: [valueKey(value.$eq)] };
  if ('$in' in value && Array.isArray(value.$in) && value.$in.every(isPointValue)) {
    return { kind: 'keys', keys: value.$in.map(valueKey) };
  }
  let bracket: Bracket | null = null;
  let lower: RangeBound | null = null;
  let upper: RangeBound | null = null;
  for (const op of ['$gt', '$gte', '$lt', '$lte'] as const) {
    if (!(op in value)) continue;
    const range = rangeValue(value[op]);
    if (!range || (bracket && bracket !== range.bracket)) return null;
    bracket = range.bracket;
    const bound = { value: range.value, inclusive: op.endsWith('e') };
    if (op.startsWith('$g')) lower = bound;
    else upper = bound;
  }
  return bracket ? { kind: 'range', bracket, lower, upper } : null;
}

/**
 * The index `plan` looks a filter up in by keys (equality or $in on its first field), with those
 * keys; null when the filter goes by _id or by no key look-up. Candidates come out key by key,
 * each key's documents in the index's `addedOrder`.
 */
export function keyLookup(filter: Document, indexes: SecondaryIndex[]): { index: SecondaryIndex; keys: string[] } | null {
  if (conditionFor(filter, '_id')?.kind === 'keys') return null;
  for (const index of indexes) {
    if (!index.complete) continue;
    const condition = conditionFor(filter, index.fields[0]);
    if (condition?.kind === 'keys') return { index, keys: condition.keys };
  }
  return null;
}

export function plan(filter: Document, indexes: SecondaryIndex[]): Plan {
  const idCondition = conditionFor(filter, '_id');
  if (idCondition?.kind === 'keys') return { kind: 'ids', ids: idCondition.keys, index: '_id_' };
  const lookup = keyLookup(filter, indexes);
  if (lookup) return { kind: 'ids', ids: lookup.index.equal(lookup.keys), index: lookup.index.name };
  let rangePlan: Plan | null = null;
  for (const index of indexes) {
    if (!index.complete) continue;
    const condition = conditionFor(filter, index.fields[0]);
    if (condition?.kind !== 'range') continue;
    if (!rangePlan) {
      // With arrays, `{a: {$gt: 1, $lt: 5}}` may be met by two different elements: use one bound.
      const upper = index.multikey && condition.lower ? null : condition.upper;
      rangePlan = { kind: 'ids', ids: index.range(condition.bracket, condition.lower, upper), index: index.name };
    }
  }
  return rangePlan ?? { kind: 'scan' };
}
