// Writes: insert, update, delete, findAndModify. Each handler runs to completion synchronously,
// so a conditional update reads and writes its document with no other command in between.
import type { Document } from 'bson';
import { checkSize, computeUpdate, findDocuments, isOperatorUpdate, project, upsertSeed, withId } from '../engine';
import { CommandError, failedToParse, toCommandError } from '../errors';
import type { Collection } from '../storage/collection';
import type { Store } from '../storage/store';
import { collectionName, optionalDocument, type CommandContext, type CommandHandler } from './context';

interface WriteError {
  index: number;
  code: number;
  errmsg: string;
  [extra: string]: unknown;
}

function writeError(index: number, error: unknown): WriteError {
  const failure = toCommandError(error);
  return { index, code: failure.code, errmsg: failure.message, ...failure.extra };
}

function writeReply(n: number, errors: WriteError[], extra: Document = {}): Document {
  const reply: Document = { n, ...extra };
  if (errors.length) reply.writeErrors = errors;
  reply.ok = 1;
  return reply;
}

function listOf(command: Document, field: string): Document[] {
  const value = command[field];
  if (!Array.isArray(value)) throw failedToParse(`'${field}' must be an array`);
  return value as Document[];
}

interface UpdateStatement {
  q?: Document;
  u?: Document | Document[];
  upsert?: boolean;
  multi?: boolean;
  arrayFilters?: Document[];
}

interface UpdateResult {
  matched: number;
  modified: number;
  upsertedId?: unknown;
  doc?: Document;
  previous?: Document;
}

/**
 * Applies one update statement. With `limitOne`, `sort` picks the document (findAndModify).
 * Shared by `update` and `findAndModify` so both follow the same upsert and unique-key rules.
 */
function runUpdate(
  store: Store,
  context: CommandContext,
  name: string,
  statement: UpdateStatement,
  limitOne: boolean,
  sort?: Document,
): UpdateResult {
  const filter = statement.q ?? {};
  const update = statement.u;
  if (update === undefined || update === null || typeof update !== 'object')
    throw failedToParse("'u' must be an object or a pipeline");
  const replacement = !Array.isArray(update) && !isOperatorUpdate(update);
  if (replacement && statement.multi) throw failedToParse('multi update is not supported for replacement-style update');
  const collection = store.collection(context.db, name);
  const matches = findDocuments(collection, filter, { sort, limit: limitOne ? 1 : 0 });
  if (matches.length === 0) {
    if (!statement.upsert) return { matched: 0, modified: 0 };
    // A replacement keeps only the filter's _id; operator updates start from all its equalities.
    const seed = upsertSeed(filter);
    const base = replacement ? (seed._id === undefined ? {} : { _id: seed._id }) : seed;
    const { doc } = computeUpdate(base, update, { filter, arrayFilters: statement.arrayFilters, inserting: true });
    const inserted = withId(doc);
    store.insert(store.ensureCollection(context.db, name), inserted);
    return { matched: 0, modified: 0, upsertedId: inserted._id, doc: inserted };
  }
  let modified = 0;
  let last: { doc: Document; previous: Document } | undefined;
  for (const current of matches) {
    const outcome = computeUpdate(current, update, { filter, arrayFilters: statement.arrayFilters });
    if (outcome.modified) {
      store.replace(collection as Collection, current, outcome.doc);
      modified++;
    }
    last = { doc: outcome.modified ? outcome.doc : current, previous: current };
  }
  return { matched: matches.length, modified, doc: last?.doc, previous: last?.previous };
}

export const writeCommands: Record<string, CommandHandler> = {
  insert: (command, context) => {
    const name = collectionName(command, 'insert');
    const documents = listOf(command, 'documents');
    const ordered = command.ordered !== false;
    const collection = context.store.ensureCollection(context.db, name);
    const errors: WriteError[] = [];
    let n = 0;
    documents.forEach((raw, index) => {
      if (ordered && errors.length) return;
      try {
        const doc = withId(raw);
        checkSize(doc);
        context.store.insert(collection, doc);
        n++;
      } catch (error) {
        errors.push(writeError(index, error));
      }
    });
    return writeReply(n, errors);
  },

  update: (command, context) => {
    const name = collectionName(command, 'update');
    const statements = listOf(command, 'updates') as UpdateStatement[];
    const ordered = command.ordered !== false;
    const errors: WriteError[] = [];
    const upserted: Document[] = [];
    let n = 0;
    let nModified = 0;
    statements.forEach((statement, index) => {
      if (ordered && errors.length) return;
      try {
        const result = runUpdate(context.store, context, name, statement, !statement.multi);
        n += result.matched;
        nModified += result.modified;
        if (result.upsertedId !== undefined) {
          n++;
          upserted.push({ index, _id: result.upsertedId });
        }
      } catch (error) {
        errors.push(writeError(index, error));
      }
    });
    return writeReply(n, errors, upserted.length ? { upserted, nModified } : { nModified });
  },

  delete: (command, context) => {
    const name = collectionName(command, 'delete');
    const statements = listOf(command, 'deletes');
    const ordered = command.ordered !== false;
    const errors: WriteError[] = [];
    let n = 0;
    statements.forEach((statement, index) => {
      if (ordered && errors.length) return;
      try {
        const collection = context.store.collection(context.db, name);
        if (!collection) return;
        const limit = Number(statement.limit ?? 0);
        const matches = findDocuments(collection, (statement.q as Document) ?? {}, { limit: limit === 1 ? 1 : 0 });
        for (const doc of matches) context.store.remove(collection, doc);
        n += matches.length;
      } catch (error) {
        errors.push(writeError(index, error));
      }
    });
    return writeReply(n, errors);
  },

  findAndModify: (command, context) => {
    const name = collectionName(command, 'findAndModify');
    const query = optionalDocument(command, 'query') ?? {};
    const sort = optionalDocument(command, 'sort');
    const fields = optionalDocument(command, 'fields');
    if (command.remove) {
      if (command.update !== undefined)
        throw new CommandError(9, 'FailedToParse', 'Cannot specify both an update and remove=true');
      const collection = context.store.collection(context.db, name);
      const [doc] = findDocuments(collection, query, { sort, limit: 1 });
      if (doc) context.store.remove(collection!, doc);
      return { lastErrorObject: { n: doc ? 1 : 0 }, value: doc ? project(doc, fields) : null, ok: 1 };
    }
    if (command.update === undefined) throw failedToParse('Either an update or remove=true must be specified');
    const result = runUpdate(
      context.store,
      context,
      name,
      {
        q: query,
        u: command.update as Document,
        upsert: command.upsert === true,
        arrayFilters: command.arrayFilters as Document[] | undefined,
      },
      true,
      sort,
    );
    const lastErrorObject: Document = {
      n: result.matched || result.upsertedId !== undefined ? 1 : 0,
      updatedExisting: result.matched > 0,
    };
    if (result.upsertedId !== undefined) lastErrorObject.upserted = result.upsertedId;
    const chosen = command.new ? result.doc : result.upsertedId !== undefined ? undefined : result.previous;
    return { lastErrorObject, value: chosen ? project(chosen, fields) : null, ok: 1 };
  },
};

export const writeCommandNames = new Set(['insert', 'update', 'delete', 'findAndModify', 'findandmodify']);
writeCommands.findandmodify = writeCommands.findAndModify;
