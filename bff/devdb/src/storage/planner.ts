// Picks the index that can narrow a filter down before mingo evaluates it. Only top-level
// conditions on an index's first field are used: equality, $eq, $in and ranges. Anything else
// (regex, $ne, $or, sub-document equality...) falls back to a collection scan. The returned ids
// are a superset of the matches; the filter is always applied afterwards.
import type { Document } from 'bson';
import { isPlainObject, rangeValue, valueKey, valuesAtPath, type Bracket } from './keys';
import type { RangeBound, SecondaryIndex } from './secondary-index';

export type Plan = { kind: 'ids'; ids: Iterable<string>; index: string } | { kind: 'scan' };

/** A value the index can look up exactly (not an array, regex or sub-document). */
function isPointValue(value: unknown): boolean {
  if (Array.isArray(value) || value instanceof RegExp) return false;
  return !isPlainObject(value);
}

type Condition =
  | { kind: 'keys'; keys: string[] }
  | { kind: 'range'; bracket: Bracket; lower: RangeBound | null; upper: RangeBound | null };

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
export function keyLookup(
  filter: Document,
  indexes: SecondaryIndex[],
): { index: SecondaryIndex; keys: string[] } | null {
  if (conditionFor(filter, '_id')?.kind === 'keys') return null;
  for (const index of indexes) {
    if (!index.complete) continue;
    const condition = conditionFor(filter, index.fields[0]);
    if (condition?.kind === 'keys') return { index, keys: condition.keys };
  }
  return null;
}

export type KeyLookup = NonNullable<ReturnType<typeof keyLookup>>;

/** Orders documents as a key look-up hands them out: by the first $in key they hold, then addedOrder. */
export function lookupOrder(
  lookup: KeyLookup,
): (a: { doc: Document; id: string }, b: { doc: Document; id: string }) => number {
  const field = lookup.index.fields[0];
  const keyRank = (doc: Document) => {
    if (lookup.keys.length < 2) return 0;
    const held = new Set(valuesAtPath(doc, field).map(valueKey));
    const at = lookup.keys.findIndex((key) => held.has(key));
    return at < 0 ? lookup.keys.length : at;
  };
  return (a, b) => keyRank(a.doc) - keyRank(b.doc) || lookup.index.addedOrder(a.id) - lookup.index.addedOrder(b.id);
}

/** Most prefix combinations ($in × $in...) a compound look-up or walk expands to. */
export const MAX_PREFIXES = 32;

/** Key combinations for `fields` when the filter pins every one of them to keys, else null. */
export function prefixesFor(filter: Document, fields: string[]): string[][] | null {
  let prefixes: string[][] = [[]];
  for (const field of fields) {
    const condition = conditionFor(filter, field);
    if (condition?.kind !== 'keys' || condition.keys.length === 0) return null;
    prefixes = prefixes.flatMap((prefix) => condition.keys.map((key) => [...prefix, key]));
    if (prefixes.length > MAX_PREFIXES) return null;
  }
  return prefixes;
}

/**
 * Equality on two or more leading fields of a compound index: the documents of those prefixes,
 * handed out in the order the key look-up would use. Null when no index narrows further or the
 * narrowed set is not clearly smaller than the look-up's.
 */
function compoundLookup(
  filter: Document,
  indexes: SecondaryIndex[],
  lookup: KeyLookup,
  docOf: (id: string) => Document | undefined,
): string[] | null {
  let best: { index: SecondaryIndex; prefixes: string[][] } | null = null;
  for (const index of indexes) {
    if (!index.complete || index.fields.length < 2) continue;
    if (best && best.prefixes[0].length >= index.fields.length) continue;
    let level = 0;
    let prefixes: string[][] | null = null;
    for (let l = index.fields.length; l >= 2 && !prefixes; l--) {
      const fields = index.fields.slice(0, l);
      if (!fields.every((field) => typeof index.spec.key[field] === 'number')) continue;
      prefixes = prefixesFor(filter, fields);
      level = l;
    }
    if (prefixes && (!best || best.prefixes[0].length < level)) best = { index, prefixes };
  }
  if (!best) return null;
  const { index, prefixes } = best;
  const ids = new Set<string>();
  for (const keys of prefixes) {
    const run = index.orderedRun(keys.length, keys, docOf);
    for (const entry of run.entries) ids.add(entry.id);
    for (const id of run.unorderable) ids.add(id);
  }
  if (ids.size * 2 > lookup.index.keyCount(lookup.keys)) return null;
  const order = lookupOrder(lookup);
  const members: { doc: Document; id: string }[] = [];
  for (const id of ids) {
    const doc = docOf(id);
    if (doc) members.push({ doc, id });
  }
  return members.sort(order).map((member) => member.id);
}

export function plan(filter: Document, indexes: SecondaryIndex[], docOf?: (id: string) => Document | undefined): Plan {
  const idCondition = conditionFor(filter, '_id');
  if (idCondition?.kind === 'keys') return { kind: 'ids', ids: idCondition.keys, index: '_id_' };
  const lookup = keyLookup(filter, indexes);
  if (lookup) {
    const narrowed = docOf ? compoundLookup(filter, indexes, lookup, docOf) : null;
    if (narrowed) return { kind: 'ids', ids: narrowed, index: lookup.index.name };
    return { kind: 'ids', ids: lookup.index.equal(lookup.keys), index: lookup.index.name };
  }
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
