// What every command handler receives, and small helpers shared by the handlers.
import type { Document } from 'bson';
import type { CursorRegistry } from '../cursors';
import { badValue, CommandError } from '../errors';
import type { Store } from '../storage/store';

export interface ConnectionInfo {
  id: number;
  remote: string;
  /** Compressors agreed in the handshake (devdb offers only zlib). */
  compression: string[];
}

export interface CommandContext {
  store: Store;
  cursors: CursorRegistry;
  db: string;
  connection: ConnectionInfo;
  startedAt: number;
}

/** Handlers are synchronous: a write reads and changes state within one event-loop turn. */
export type CommandHandler = (command: Document, context: CommandContext) => Document;

export function collectionName(command: Document, name: string): string {
  const value = command[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new CommandError(73, 'InvalidNamespace', `collection name has invalid type ${typeof value}`);
  }
  return value;
}

export function optionalDocument(command: Document, field: string): Document | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badValue(`'${field}' must be an object`);
  return value as Document;
}

export function optionalNumber(command: Document, field: string): number | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) throw badValue(`'${field}' must be a number`);
  return number;
}
