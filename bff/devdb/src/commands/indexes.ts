// createIndexes, listIndexes, dropIndexes. Index specs are kept as given (minus driver noise)
// so listIndexes shows mongoose what it created and syncIndexes finds nothing to change.
import type { Document } from 'bson';
import { badValue, CommandError, namespaceNotFound } from '../errors';
import { ID_INDEX } from '../storage/collection';
import type { IndexSpec } from '../storage/secondary-index';
import { collectionName, optionalNumber, type CommandHandler } from './context';

const KEPT_OPTIONS = [
  'unique',
  'sparse',
  'expireAfterSeconds',
  'partialFilterExpression',
  'collation',
  'weights',
  'default_language',
  'language_override',
  '2dsphereIndexVersion',
];

function defaultName(key: Document): string {
  return Object.entries(key)
    .map(([field, direction]) => `${field}_${direction}`)
    .join('_');
}

function normalise(raw: Document): IndexSpec {
  const key = raw.key;
  if (!key || typeof key !== 'object' || Object.keys(key).length === 0)
    throw badValue('index key pattern must be a non-empty object');
  const spec: IndexSpec = {
    v: 2,
    key: key as Document,
    name: typeof raw.name === 'string' ? raw.name : defaultName(key as Document),
  };
  for (const option of KEPT_OPTIONS) if (raw[option] !== undefined) spec[option] = raw[option];
  if (spec.unique === false) delete spec.unique;
  if (spec.sparse === false) delete spec.sparse;
  return spec;
}

function sameKey(a: Document, b: Document): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameOptions(a: IndexSpec, b: IndexSpec): boolean {
  return KEPT_OPTIONS.every((option) => JSON.stringify(a[option]) === JSON.stringify(b[option]));
}

export const indexCommands: Record<string, CommandHandler> = {
  createIndexes: (command, { store, db }) => {
    const name = collectionName(command, 'createIndexes');
    if (!Array.isArray(command.indexes)) throw badValue("'indexes' must be an array");
    const createdCollectionAutomatically = !store.collection(db, name);
    const collection = store.ensureCollection(db, name);
    const before = collection.indexes.length + 1;
    for (const raw of command.indexes as Document[]) {
      const spec = normalise(raw);
      if (sameKey(spec.key, ID_INDEX.key) && spec.name === ID_INDEX.name) continue;
      const byName = collection.indexSpecs().find((existing) => existing.name === spec.name);
      const byKey = collection.indexSpecs().find((existing) => sameKey(existing.key, spec.key));
      if (byName && !sameKey(byName.key, spec.key)) {
        throw new CommandError(
          86,
          'IndexKeySpecsConflict',
          `An existing index has the same name as the requested index but a different key: ${spec.name}`,
        );
      }
      if (byKey) {
        if (byKey.name === spec.name && sameOptions(byKey, spec)) continue; // already there: a no-op, as in MongoDB
        throw new CommandError(
          85,
          'IndexOptionsConflict',
          `An equivalent index already exists with a different name or options: ${byKey.name}`,
        );
      }
      if (spec.expireAfterSeconds !== undefined && Object.keys(spec.key).length !== 1) {
        throw badValue('TTL indexes are single-field indexes, compound indexes do not support TTL');
      }
      store.createIndex(collection, spec);
    }
    return {
      createdCollectionAutomatically,
      numIndexesBefore: before,
      numIndexesAfter: collection.indexes.length + 1,
      ok: 1,
    };
  },

  listIndexes: (command, { store, db, cursors }) => {
    const name = collectionName(command, 'listIndexes');
    const collection = store.collection(db, name);
    if (!collection) throw namespaceNotFound(`${db}.${name}`);
    const specs = collection.indexSpecs().map((spec) => ({ v: 2, ...spec }));
    return cursors.first(
      `${db}.${name}`,
      specs,
      optionalNumber((command.cursor as Document | undefined) ?? {}, 'batchSize'),
    );
  },

  dropIndexes: (command, { store, db }) => {
    const name = collectionName(command, 'dropIndexes');
    const collection = store.collection(db, name);
    if (!collection) throw namespaceNotFound(`${db}.${name}`);
    const nIndexesWas = collection.indexes.length + 1;
    const target = command.index;
    let names: string[];
    if (target === '*') names = collection.indexes.map((index) => index.name);
    else if (typeof target === 'string') names = [target];
    else if (Array.isArray(target)) names = target.map(String);
    else if (target && typeof target === 'object') {
      const found = collection.indexes.find((index) => sameKey(index.spec.key, target as Document));
      if (!found) throw new CommandError(27, 'IndexNotFound', `can't find index with key: ${JSON.stringify(target)}`);
      names = [found.name];
    } else throw badValue("'index' must be a name, a key pattern or '*'");
    for (const indexName of names) {
      if (indexName === ID_INDEX.name) throw new CommandError(72, 'InvalidOptions', 'cannot drop _id index');
      if (!collection.indexes.some((index) => index.name === indexName)) {
        throw new CommandError(27, 'IndexNotFound', `index not found with name [${indexName}]`);
      }
    }
    for (const indexName of names) store.dropIndex(collection, indexName);
    return { nIndexesWas, ok: 1 };
  },
};
indexCommands.deleteIndexes = indexCommands.dropIndexes;
