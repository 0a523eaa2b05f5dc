// The updates on the hot paths ($set / $inc / $unset of top-level fields, e.g. touching a
// session or decrementing a capacity) applied without mingo. The result is a shallow copy of the
// stored document: unchanged sub-documents are shared with the previous version, which is safe
// because stored documents are never mutated (every write replaces the whole object).
// Anything else (dotted paths, _id, other operators, one field under two operators, $inc on a
// non-number or by a Long/Decimal128) returns null and goes through mingo as before.
import { BSON, type Document } from 'bson';
import { isPlainObject } from './storage/keys';

const HANDLED = new Set(['$set', '$inc', '$unset', '$setOnInsert']);

export interface SimpleOutcome {
  doc: Document;
  modified: boolean;
}

/** Applies `update` to an existing document (never an upsert insert), or returns null. */
export function applySimpleUpdate(current: Document, update: Document): SimpleOutcome | null {
  const seen = new Set<string>();
  for (const operator of Object.keys(update)) {
    if (!HANDLED.has(operator)) return null;
    const fields = update[operator];
    if (!isPlainObject(fields) || Object.keys(fields).length === 0) return null;
    for (const field of Object.keys(fields)) {
      if (!isPlainFieldName(field) || seen.has(field)) return null;
      seen.add(field);
      if (operator === '$inc' && !isPlainNumber(fields[field])) return null;
      if (operator === '$inc' && Object.hasOwn(current, field) && !isPlainNumber(current[field])) return null;
    }
  }
  const next: Document = { ...current };
  let modified = false;
  // Operators and fields in the order given, as mingo applies them (new fields are appended).
  for (const operator of Object.keys(update)) {
    const fields = update[operator] as Document;
    for (const field of Object.keys(fields)) {
      const present = Object.hasOwn(next, field);
      if (operator === '$set') {
        if (present && sameValue(next[field], fields[field])) continue;
        next[field] = fields[field];
      } else if (operator === '$inc') {
        const value = present ? (next[field] as number) + (fields[field] as number) : (fields[field] as number);
        if (present && value === next[field]) continue;
        next[field] = value;
      } else if (operator === '$unset') {
        if (!present) continue;
        delete next[field];
      } else continue; // $setOnInsert applies only when an upsert inserts.
      modified = true;
    }
  }
  return { doc: modified ? next : current, modified };
}

function isPlainFieldName(field: string): boolean {
  return field.length > 0 && field[0] !== '$' && !field.includes('.') && field !== '_id' && field !== '__proto__';
}

/** JS numbers only: Long and Decimal128 arithmetic keeps its own rules in mingo. */
function isPlainNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** MongoDB counts a $set as a change unless the new value is byte-for-byte the old one. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return Buffer.from(BSON.serialize({ v: a })).equals(BSON.serialize({ v: b }));
}
