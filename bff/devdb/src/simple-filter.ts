// A matcher for the filters on the hot paths (session look-ups, conditional touches, capacity
// checks): top-level fields compared with plain values. It answers only where the answer is
// certain without mingo; any document it cannot decide (an array under a filtered field, a
// Long or Decimal128, NaN...) is handed to mingo, and filters of any other shape never come here.
//
// Rules it relies on (MongoDB's, checked by the conformance suite):
// - equality between values of different types is false, except that null matches missing;
// - $gt/$gte/$lt/$lte only match values of the same type bracket (numbers with numbers, dates
//   with dates), never null or missing;
// - $ne and $nin are the negations of equality and $in over the same field;
// - an array under the field changes everything (elements match), hence the hand-over to mingo.
import type { Document } from 'bson';
import { isPlainObject } from './storage/keys';

/** A query value this matcher compares itself. */
type Plain = null | string | number | boolean | Date | { _bsontype: 'ObjectId'; equals(other: unknown): boolean };

type Test =
  | { op: '$eq' | '$ne'; value: Plain }
  | { op: '$in' | '$nin'; values: Plain[] }
  | { op: '$gt' | '$gte' | '$lt' | '$lte'; value: number | Date }
  | { op: '$exists'; value: boolean };

interface FieldTests {
  field: string;
  tests: Test[];
}

/** Outcome for one document: true, false, or undefined when mingo must decide. */
export type Verdict = boolean | undefined;

export class SimpleFilter {
  private constructor(private readonly fields: FieldTests[]) {}

  /** Null unless every condition of `filter` has a shape this matcher handles. */
  static compile(filter: Document): SimpleFilter | null {
    const fields: FieldTests[] = [];
    for (const field of Object.keys(filter)) {
      if (!isPlainFieldName(field)) return null;
      const tests = testsFor(filter[field]);
      if (!tests) return null;
      fields.push({ field, tests });
    }
    return new SimpleFilter(fields);
  }

  match(doc: Document): Verdict {
    for (const { field, tests } of this.fields) {
      const value = Object.hasOwn(doc, field) ? doc[field] : undefined;
      if (!isDecidable(value)) return undefined;
      for (const test of tests) if (!passes(test, value)) return false;
    }
    return true;
  }
}

/** Top-level names only: dotted paths walk through arrays and sub-documents in ways left to mingo. */
function isPlainFieldName(field: string): boolean {
  return field.length > 0 && field[0] !== '$' && !field.includes('.') && field !== '__proto__';
}

function testsFor(condition: unknown): Test[] | null {
  if (isPlainValue(condition)) return [{ op: '$eq', value: condition }];
  if (!isPlainObject(condition)) return null;
  const operators = Object.keys(condition);
  if (operators.length === 0) return null;
  const tests: Test[] = [];
  for (const op of operators) {
    const operand = condition[op];
    switch (op) {
      case '$eq':
      case '$ne':
        if (!isPlainValue(operand)) return null;
        tests.push({ op, value: operand });
        break;
      case '$in':
      case '$nin':
        if (!Array.isArray(operand) || !operand.every(isPlainValue)) return null;
        tests.push({ op, values: operand as Plain[] });
        break;
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        if (!isRangeValue(operand)) return null;
        tests.push({ op, value: operand });
        break;
      case '$exists':
        if (typeof operand !== 'boolean') return null;
        tests.push({ op, value: operand });
        break;
      default:
        return null;
    }
  }
  return tests;
}

function isObjectId(value: unknown): value is Plain & object {
  return value !== null && typeof value === 'object' && (value as { _bsontype?: unknown })._bsontype === 'ObjectId';
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** Values whose equality is exact and type-strict in both MongoDB and this file. */
function isPlainValue(value: unknown): value is Plain {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return !Number.isNaN(value);
    case 'object':
      return isValidDate(value) || isObjectId(value);
    default:
      return false;
  }
}

function isRangeValue(value: unknown): value is number | Date {
  return (typeof value === 'number' && !Number.isNaN(value)) || isValidDate(value);
}

/**
 * Stored values this matcher can compare against a plain query value: the plain kinds, missing,
 * and sub-documents (never equal to a plain value). Arrays, NaN and other BSON classes (Long,
 * Decimal128, Binary, Timestamp...) go to mingo.
 */
function isDecidable(value: unknown): boolean {
  if (value === undefined || isPlainValue(value)) return true;
  return isPlainObject(value) && !('_bsontype' in value);
}

function equal(query: Plain, stored: unknown): boolean {
  if (query === null) return stored === null || stored === undefined;
  if (typeof query !== 'object') return stored === query;
  if (query instanceof Date) return stored instanceof Date && stored.getTime() === query.getTime();
  return isObjectId(stored) && query.equals(stored);
}

function passes(test: Test, stored: unknown): boolean {
  switch (test.op) {
    case '$eq':
      return equal(test.value, stored);
    case '$ne':
      return !equal(test.value, stored);
    case '$in':
      return test.values.some((value) => equal(value, stored));
    case '$nin':
      return !test.values.some((value) => equal(value, stored));
    case '$exists':
      return (stored !== undefined) === test.value;
    default:
      return inRange(test.op, test.value, stored);
  }
}

function inRange(op: '$gt' | '$gte' | '$lt' | '$lte', bound: number | Date, stored: unknown): boolean {
  let a: number;
  let b: number;
  if (typeof bound === 'number') {
    if (typeof stored !== 'number') return false;
    a = stored;
    b = bound;
  } else {
    if (!(stored instanceof Date)) return false;
    a = stored.getTime();
    b = bound.getTime();
  }
  switch (op) {
    case '$gt':
      return a > b;
    case '$gte':
      return a >= b;
    case '$lt':
      return a < b;
    case '$lte':
      return a <= b;
  }
}
