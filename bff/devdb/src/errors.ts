// Errors a command can answer with. Codes and names are MongoDB's own, because the driver and
// mongoose branch on them (e.g. 11000 becomes a MongoServerError with keyValue, 48 is ignored by
// createCollection, 26 by drop).
import type { Document } from 'bson';

export class CommandError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
    readonly extra: Document = {},
  ) {
    super(message);
  }

  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }
}

export const badValue = (message: string) => new CommandError(2, 'BadValue', message);
export const failedToParse = (message: string) => new CommandError(9, 'FailedToParse', message);
export const namespaceNotFound = (ns: string) => new CommandError(26, 'NamespaceNotFound', `ns does not exist: ${ns}`);

/** A unique index refused a key. Carries the fields the driver exposes on MongoServerError. */
export class DuplicateKeyError extends CommandError {
  constructor(ns: string, indexName: string, keyPattern: Document, keyValue: Document) {
    const shown = Object.entries(keyValue)
      .map(
        ([field, value]) =>
          `${field}: ${JSON.stringify(value instanceof Date ? value.toISOString() : value) ?? 'null'}`,
      )
      .join(', ');
    super(
      11000,
      'DuplicateKey',
      `E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: { ${shown} }`,
      {
        keyPattern,
        keyValue,
      },
    );
  }
}

/** Turns anything thrown inside a command (including mingo's own errors) into a wire reply. */
export function toCommandError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return badValue(message);
}
