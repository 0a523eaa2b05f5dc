// Databases and collections: listing, creating, dropping, statistics.
import * as mingo from 'mingo';
import { BSON, type Document } from 'bson';
import { mingoOptions } from '../engine';
import { namespaceNotFound } from '../errors';
import type { Collection } from '../storage/collection';
import { collectionName, optionalDocument, optionalNumber, type CommandHandler } from './context';

function approximateSize(collection: Collection): number {
  // Measuring every document would be slow on big collections; sample the first hundred.
  let sampled = 0;
  let bytes = 0;
  for (const doc of collection.docs.values()) {
    bytes += BSON.calculateObjectSize(doc);
    if (++sampled === 100) break;
  }
  return sampled ? Math.round((bytes / sampled) * collection.docs.size) : 0;
}

export const namespaceCommands: Record<string, CommandHandler> = {
  listDatabases: (command, { store }) => {
    const databases = [...store.databases].map(([name, collections]) => {
      const sizeOnDisk = [...collections.values()].reduce((sum, c) => sum + approximateSize(c), 0);
      return { name, sizeOnDisk, empty: collections.size === 0 };
    });
    const filtered = command.filter
      ? (mingo.find(databases, command.filter as Document, undefined, mingoOptions).all() as typeof databases)
      : databases;
    if (command.nameOnly) return { databases: filtered.map(({ name }) => ({ name })), ok: 1 };
    return {
      databases: filtered,
      totalSize: filtered.reduce((sum, d) => sum + d.sizeOnDisk, 0),
      totalSizeMb: 0,
      ok: 1,
    };
  },

  listCollections: (command, { store, db, cursors }) => {
    const collections = [...(store.databases.get(db)?.values() ?? [])];
    let infos: Document[] = collections.map((c) => ({
      name: c.name,
      type: 'collection',
      options: c.options,
      info: { readOnly: false },
      idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
    }));
    const filter = optionalDocument(command, 'filter');
    if (filter) infos = mingo.find(infos, filter, undefined, mingoOptions).all() as Document[];
    if (command.nameOnly) infos = infos.map(({ name, type }) => ({ name, type }));
    const batchSize = optionalNumber((command.cursor as Document | undefined) ?? {}, 'batchSize');
    return cursors.first(`${db}.$cmd.listCollections`, infos, batchSize);
  },

  create: (command, { store, db }) => {
    const name = collectionName(command, 'create');
    const { create: _name, $db, lsid, $clusterTime, writeConcern, comment, ...options } = command;
    store.createCollection(db, name, options);
    return { ok: 1 };
  },

  drop: (command, { store, db }) => {
    const name = collectionName(command, 'drop');
    const dropped = store.dropCollection(db, name);
    // MongoDB 7 answers ok for a collection that does not exist.
    return { ns: `${db}.${name}`, nIndexesWas: dropped ? dropped.indexes.length + 1 : 0, ok: 1 };
  },

  dropDatabase: (_command, { store, db }) => {
    store.dropDatabase(db);
    return { dropped: db, ok: 1 };
  },

  collStats: (command, { store, db }) => {
    const name = collectionName(command, 'collStats');
    const collection = store.collection(db, name);
    if (!collection) throw namespaceNotFound(`${db}.${name}`);
    const size = approximateSize(collection);
    return {
      ns: collection.ns,
      count: collection.docs.size,
      size,
      avgObjSize: collection.docs.size ? Math.round(size / collection.docs.size) : 0,
      storageSize: size,
      nindexes: collection.indexes.length + 1,
      indexSizes: Object.fromEntries(collection.indexSpecs().map((spec) => [spec.name, 0])),
      totalIndexSize: 0,
      ok: 1,
    };
  },

  dbStats: (_command, { store, db }) => {
    const collections = [...(store.databases.get(db)?.values() ?? [])];
    const dataSize = collections.reduce((sum, c) => sum + approximateSize(c), 0);
    return {
      db,
      collections: collections.length,
      views: 0,
      objects: collections.reduce((sum, c) => sum + c.docs.size, 0),
      dataSize,
      storageSize: dataSize,
      indexes: collections.reduce((sum, c) => sum + c.indexes.length + 1, 0),
      ok: 1,
    };
  },
};
