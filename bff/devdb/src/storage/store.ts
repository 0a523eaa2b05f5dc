// All databases of one devdb process. Every change goes through here so that it can be written
// to the journal (when one is attached) in the same synchronous step that applies it in memory.
import type { Document } from 'bson';
import { CommandError } from '../errors';
import { Collection } from './collection';
import { valueKey as idKeyOf } from './keys';
import type { IndexSpec } from './secondary-index';

export type JournalEntry =
  | { op: 'coll'; db: string; c: string; options: Document }
  | { op: 'dropColl'; db: string; c: string }
  | { op: 'dropDb'; db: string }
  | { op: 'index'; db: string; c: string; spec: IndexSpec }
  | { op: 'dropIndex'; db: string; c: string; name: string }
  | { op: 'put'; db: string; c: string; doc: Document }
  | { op: 'del'; db: string; c: string; id: unknown };

export interface JournalSink {
  record(entry: JournalEntry): void;
}

export class Store {
  readonly databases = new Map<string, Map<string, Collection>>();
  journal: JournalSink | null = null;

  collection(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** Writes create collections implicitly, as MongoDB does. */
  ensureCollection(db: string, name: string, options: Document = {}): Collection {
    const existing = this.collection(db, name);
    if (existing) return existing;
    validateName(db, name);
    let collections = this.databases.get(db);
    if (!collections) {
      collections = new Map();
      this.databases.set(db, collections);
    }
    const created = new Collection(db, name, options);
    collections.set(name, created);
    this.journal?.record({ op: 'coll', db, c: name, options });
    return created;
  }

  createCollection(db: string, name: string, options: Document): Collection {
    if (this.collection(db, name)) {
      throw new CommandError(48, 'NamespaceExists', `Collection ${db}.${name} already exists.`);
    }
    return this.ensureCollection(db, name, options);
  }

  dropCollection(db: string, name: string): Collection | undefined {
    const existing = this.collection(db, name);
    if (!existing) return undefined;
    this.databases.get(db)!.delete(name);
    if (this.databases.get(db)!.size === 0) this.databases.delete(db);
    this.journal?.record({ op: 'dropColl', db, c: name });
    return existing;
  }

  dropDatabase(db: string): void {
    if (!this.databases.delete(db)) return;
    this.journal?.record({ op: 'dropDb', db });
  }

  insert(collection: Collection, doc: Document): void {
    collection.insert(doc);
    this.journal?.record({ op: 'put', db: collection.db, c: collection.name, doc });
  }

  replace(collection: Collection, previous: Document, next: Document): void {
    collection.replace(previous, next);
    this.journal?.record({ op: 'put', db: collection.db, c: collection.name, doc: next });
  }

  remove(collection: Collection, doc: Document): void {
    if (collection.remove(doc)) this.journal?.record({ op: 'del', db: collection.db, c: collection.name, id: doc._id });
  }

  createIndex(collection: Collection, spec: IndexSpec): void {
    collection.addIndex(spec);
    this.journal?.record({ op: 'index', db: collection.db, c: collection.name, spec });
  }

  dropIndex(collection: Collection, name: string): void {
    if (collection.dropIndex(name))
      this.journal?.record({ op: 'dropIndex', db: collection.db, c: collection.name, name });
  }

  /** Replays one journal entry. Entries are idempotent, so replaying over a newer snapshot is safe. */
  apply(entry: JournalEntry): void {
    const journal = this.journal;
    this.journal = null;
    try {
      switch (entry.op) {
        case 'coll':
          this.ensureCollection(entry.db, entry.c, entry.options);
          break;
        case 'dropColl':
          this.dropCollection(entry.db, entry.c);
          break;
        case 'dropDb':
          this.dropDatabase(entry.db);
          break;
        case 'index': {
          const collection = this.ensureCollection(entry.db, entry.c);
          collection.dropIndex(entry.spec.name);
          collection.addIndex(entry.spec, false);
          break;
        }
        case 'dropIndex':
          this.collection(entry.db, entry.c)?.dropIndex(entry.name);
          break;
        case 'put':
          this.ensureCollection(entry.db, entry.c).put(entry.doc);
          break;
        case 'del': {
          const collection = this.collection(entry.db, entry.c);
          const doc = collection?.docs.get(idKeyOf(entry.id));
          if (collection && doc) collection.remove(doc);
          break;
        }
      }
    } finally {
      this.journal = journal;
    }
  }

  /** The whole state as journal entries, for writing a snapshot. */
  *entries(): Generator<JournalEntry> {
    for (const [db, collections] of this.databases) {
      for (const [name, collection] of collections) {
        yield { op: 'coll', db, c: name, options: collection.options };
        for (const index of collection.indexes) yield { op: 'index', db, c: name, spec: index.spec };
        for (const doc of collection.docs.values()) yield { op: 'put', db, c: name, doc };
      }
    }
  }
}

function validateName(db: string, name: string): void {
  if (!db || /[/\\. "$\0]/.test(db)) throw new CommandError(73, 'InvalidNamespace', `Invalid database name: '${db}'`);
  if (!name || name.includes('$') || name.includes('\0') || name.startsWith('.')) {
    throw new CommandError(73, 'InvalidNamespace', `Invalid collection name: ${name}`);
  }
}
