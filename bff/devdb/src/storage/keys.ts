// Canonical string keys for BSON values, so a Map can answer "which documents hold this value".
// MongoDB compares numbers across types (5 == 5.0 == Long(5)), so all numbers share one form;
// missing and null share one form because `{a: null}` matches both.
import { EJSON, ObjectId, type Document } from 'bson';

export type Bracket = 'n' | 's' | 'd';

/** Value used to order keys inside a range bracket (numbers, strings, dates). */
export interface RangeValue {
  bracket: Bracket;
  value: number | string;
}

export function valueKey(value: unknown): string {
  if (value === null || value === undefined) return 'z';
  switch (typeof value) {
    case 'number':
      return `n:${value}`;
    case 'string':
      return `s:${value}`;
    case 'boolean':
      return value ? 'b:1' : 'b:0';
    case 'bigint':
      return `n:${Number(value)}`;
  }
  if (value instanceof Date) return `d:${value.getTime()}`;
  const bsontype = (value as { _bsontype?: string })._bsontype;
  if (bsontype === 'ObjectId') return `o:${(value as ObjectId).toHexString()}`;
  if (bsontype === 'Long' || bsontype === 'Int32' || bsontype === 'Double' || bsontype === 'Decimal128') {
    return `n:${Number(value.toString())}`;
  }
  return `x:${EJSON.stringify(value as Document, { relaxed: false })}`;
}

export function rangeValue(value: unknown): RangeValue | null {
  if (typeof value === 'number') return Number.isNaN(value) ? null : { bracket: 'n', value };
  if (typeof value === 'string') return { bracket: 's', value };
  if (value instanceof Date) return { bracket: 'd', value: value.getTime() };
  const bsontype = (value as { _bsontype?: string } | null)?._bsontype;
  if (bsontype === 'Long' || bsontype === 'Int32' || bsontype === 'Double' || bsontype === 'Decimal128') {
    return { bracket: 'n', value: Number(String(value)) };
  }
  return null;
}

/** Range key inverse of valueKey for the bracketed types, used when rebuilding a sorted list. */
export function rangeOfKey(key: string): RangeValue | null {
  const bracket = key[0];
  if (key[1] !== ':') return null;
  if (bracket === 'n') return { bracket, value: Number(key.slice(2)) };
  if (bracket === 'd') return { bracket, value: Number(key.slice(2)) };
  if (bracket === 's') return { bracket, value: key.slice(2) };
  return null;
}

/**
 * Every value a dotted path reaches, walking through arrays the way MongoDB's multikey indexes do.
 * A missing leaf yields `undefined` so the document is still found by `{field: null}`.
 */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  walk(doc, path.split('.'), 0, out);
  return out;
}

function walk(value: unknown, parts: string[], at: number, out: unknown[]): void {
  if (at === parts.length) {
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(undefined);
      for (const item of value) out.push(item);
    } else out.push(value);
    return;
  }
  if (Array.isArray(value)) {
    const index = /^\d+$/.test(parts[at]) ? Number(parts[at]) : -1;
    if (index >= 0 && index < value.length) walk(value[index], parts, at + 1, out);
    let reached = false;
    for (const item of value) {
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
        walk(item, parts, at, out);
        reached = true;
      }
    }
    if (!reached && index < 0) out.push(undefined);
    return;
  }
  if (value === null || typeof value !== 'object' || isBsonScalar(value)) {
    out.push(undefined);
    return;
  }
  walk((value as Document)[parts[at]], parts, at + 1, out);
}

export function isBsonScalar(value: object): boolean {
  return value instanceof Date || value instanceof RegExp || '_bsontype' in value;
}

/** True for a plain sub-document (not an array, not a BSON value class). */
export function isPlainObject(value: unknown): value is Document {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isBsonScalar(value);
}

/** First value at a path, for building keyValue in error messages and upsert seeds. */
export function firstValueAtPath(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (!isPlainObject(current) && !Array.isArray(current)) return undefined;
    current = (current as Document)[part];
  }
  return current;
}
