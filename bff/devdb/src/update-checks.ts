// Refusals MongoDB makes before applying an operator update, which mingo would otherwise let
// through silently: two operators (or two paths) touching the same field, and arithmetic on a
// value that is not a number.
import type { Document } from 'bson';
import { CommandError } from './errors';
import { firstValueAtPath, isPlainObject } from './storage/keys';

const ARITHMETIC = new Set(['$inc', '$mul']);

/** Throws ConflictingUpdateOperators (40) or TypeMismatch (14) as MongoDB does. */
export function checkOperatorUpdate(current: Document, modifier: Document): void {
  const paths: string[] = [];
  for (const [operator, fields] of Object.entries(modifier)) {
    if (!isPlainObject(fields)) continue;
    for (const [path, operand] of Object.entries(fields)) {
      paths.push(path);
      if (operator === '$rename' && typeof operand === 'string') paths.push(operand);
      if (!ARITHMETIC.has(operator)) continue;
      const verb = operator === '$inc' ? 'increment' : 'multiply';
      if (!isNumber(operand)) {
        throw new CommandError(
          14,
          'TypeMismatch',
          `Cannot ${verb} with non-numeric argument: {${path}: ${JSON.stringify(operand)}}`,
        );
      }
      // Positional paths are resolved by mingo; their targets are not checked here.
      if (path.includes('$')) continue;
      const existing = firstValueAtPath(current, path);
      if (existing !== undefined && !isNumber(existing)) {
        throw new CommandError(
          14,
          'TypeMismatch',
          `Cannot apply ${operator} to a value of non-numeric type. {_id: ${JSON.stringify(current._id)}} has the field '${path.split('.').pop()}' of non-numeric type ${typeName(existing)}`,
        );
      }
    }
  }
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (a === b || b.startsWith(`${a}.`)) {
      throw new CommandError(
        40,
        'ConflictingUpdateOperators',
        `Updating the path '${b}' would create a conflict at '${a}'`,
      );
    }
  }
}

function isNumber(value: unknown): boolean {
  if (typeof value === 'number') return true;
  const bsontype = (value as { _bsontype?: string } | null)?._bsontype;
  return bsontype === 'Long' || bsontype === 'Int32' || bsontype === 'Double' || bsontype === 'Decimal128';
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (typeof value === 'object') return (value as { _bsontype?: string })._bsontype?.toLowerCase() ?? 'object';
  return typeof value;
}
