// Reads: find, getMore, killCursors, count, distinct, aggregate.
import { Long, type Document } from 'bson';
import { aggregate, findDocuments } from '../engine';
import { badValue } from '../errors';
import { valueKey, valuesAtPath } from '../storage/keys';
import { collectionName, optionalDocument, optionalNumber, type CommandHandler } from './context';

function cursorId(value: unknown): number {
  if (Long.isLong(value)) return value.toNumber();
  return Number(value);
}

export const readCommands: Record<string, CommandHandler> = {
  find: (command, { store, db, cursors }) => {
    const name = collectionName(command, 'find');
    const limit = optionalNumber(command, 'limit') ?? 0;
    const docs = findDocuments(store.collection(db, name), optionalDocument(command, 'filter') ?? {}, {
      sort: optionalDocument(command, 'sort'),
      projection: optionalDocument(command, 'projection'),
      skip: optionalNumber(command, 'skip'),
      limit,
    });
    const batchSize = optionalNumber(command, 'batchSize');
    return cursors.first(`${db}.${name}`, docs, batchSize, command.singleBatch === true || limit < 0);
  },

  getMore: (command, { db, cursors }) => {
    const name = collectionName(command, 'collection');
    return cursors.more(cursorId(command.getMore), `${db}.${name}`, optionalNumber(command, 'batchSize'));
  },

  killCursors: (command, { cursors }) => {
    const ids = Array.isArray(command.cursors) ? command.cursors.map(cursorId) : [];
    const { killed, notFound } = cursors.kill(ids);
    return {
      cursorsKilled: killed.map((id) => Long.fromNumber(id)),
      cursorsNotFound: notFound.map((id) => Long.fromNumber(id)),
      cursorsAlive: [],
      cursorsUnknown: [],
      ok: 1,
    };
  },

  count: (command, { store, db }) => {
    const name = collectionName(command, 'count');
    const collection = store.collection(db, name);
    const query = optionalDocument(command, 'query') ?? {};
    const skip = optionalNumber(command, 'skip') ?? 0;
    const limit = Math.abs(optionalNumber(command, 'limit') ?? 0);
    let n = Object.keys(query).length === 0 ? (collection?.docs.size ?? 0) : findDocuments(collection, query).length;
    n = Math.max(0, n - skip);
    if (limit) n = Math.min(n, limit);
    return { n, ok: 1 };
  },

  distinct: (command, { store, db }) => {
    const name = collectionName(command, 'distinct');
    const key = command.key;
    if (typeof key !== 'string') throw badValue("'key' must be a string");
    const seen = new Map<string, unknown>();
    for (const doc of findDocuments(store.collection(db, name), optionalDocument(command, 'query') ?? {})) {
      for (const value of valuesAtPath(doc, key)) {
        if (value !== undefined && !seen.has(valueKey(value))) seen.set(valueKey(value), value);
      }
    }
    return { values: [...seen.values()], ok: 1 };
  },

  aggregate: (command, { store, db, cursors }) => {
    if (typeof command.aggregate !== 'string') throw badValue('collectionless aggregate is not supported by devdb');
    const name = command.aggregate;
    if (!Array.isArray(command.pipeline)) throw badValue("'pipeline' must be an array");
    const pipeline = command.pipeline as Document[];
    if (pipeline.some((stage) => '$out' in stage || '$merge' in stage))
      throw badValue('$out and $merge are not supported by devdb');
    const collection = store.collection(db, name);
    // A leading $match may be served by an index; the full pipeline still re-applies it.
    const first = pipeline[0]?.$match as Document | undefined;
    const source = collection ? (first ? collection.candidates(first) : [...collection.docs.values()]) : [];
    const docs = aggregate(store, db, source, pipeline);
    const batchSize = optionalNumber((command.cursor as Document | undefined) ?? {}, 'batchSize');
    return cursors.first(`${db}.${name}`, docs, batchSize);
  },
};
