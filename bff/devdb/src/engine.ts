// Query and update semantics. mingo evaluates filters, projections, sorts, update operators and
// pipelines; devdb adds what mingo leaves out: upsert documents built from the filter,
// $setOnInsert, _id immutability and the document size limit.
import * as mingo from 'mingo';
import { BSON, ObjectId, type Document } from 'bson';
import { CommandError, badValue, failedToParse } from './errors';
import { isPlainObject } from './storage/keys';
import type { Collection } from './storage/collection';
import type { Store } from './storage/store';
import { MAX_BSON_OBJECT_SIZE } from './wire/opcodes';
import { mingoOptions, mingoQuery } from './mingo-options';
import { compileSimpleProjection } from './simple-projection';
import { SimpleFilter } from './simple-filter';
import { walkSorted } from './sorted-walk';
import { applySimpleUpdate } from './simple-update';
import { checkOperatorUpdate } from './update-checks';
import type { Query } from 'mingo/query';

export { mingoOptions };

export interface FindOptions {
  sort?: Document;
  skip?: number;
  limit?: number;
  projection?: Document;
}

/** Builds a document predicate: the simple matcher where it can decide, mingo otherwise. */
export function compileFilter(filter: Document): (doc: Document) => boolean {
  const simple = SimpleFilter.compile(filter);
  let query: Query | null = null;
  const viaMingo = (doc: Document) => (query ??= mingoQuery(filter)).test(doc);
  if (!simple) return viaMingo;
  return (doc) => simple.match(doc) ?? viaMingo(doc);
}

/**
 * Matching documents in result order. Without a projection the stored objects themselves are
 * returned: callers must never mutate them (stored documents are immutable, every write puts a
 * new object in place of the old one).
 */
export function findDocuments(
  collection: Collection | undefined,
  filter: Document,
  options: FindOptions = {},
  /** False forces the general path (the conformance tests compare both). */
  walkIndexOrder = true,
): Document[] {
  if (!collection) return [];
  const matches = compileFilter(filter);
  const sort = options.sort && Object.keys(options.sort).length ? (options.sort as Record<string, 1 | -1>) : undefined;
  const projection = options.projection && Object.keys(options.projection).length ? options.projection : undefined;
  const skip = options.skip && options.skip > 0 ? options.skip : 0;
  const limit = options.limit ? Math.abs(options.limit) : 0;
  if (sort && limit && walkIndexOrder) {
    // Equality prefix + sort on the next index field: walk the index in order, stop early.
    const walked = walkSorted(collection, filter, sort, skip + limit, matches);
    if (walked) {
      const page = walked.slice(skip, skip + limit);
      return projection ? projectAll(page, projection) : page;
    }
  }
  // Without a sort, matching can stop as soon as skip + limit documents are found.
  const enough = !sort && limit ? skip + limit : Infinity;
  let found: Document[] = [];
  for (const doc of collection.candidates(filter)) {
    if (!matches(doc)) continue;
    found.push(doc);
    if (found.length >= enough) break;
  }
  if (!sort) {
    if (skip) found = found.slice(skip, limit ? skip + limit : undefined);
    return projection ? projectAll(found, projection) : found;
  }
  // Sorted on the stored fields, then projected, as MongoDB does.
  let cursor = mingoQuery({}).find(found).sort(sort);
  if (skip) cursor = cursor.skip(skip);
  if (limit) cursor = cursor.limit(limit);
  const sorted = cursor.all() as Document[];
  return projection ? projectAll(sorted, projection) : sorted;
}

/** Projection applied to one document (findAndModify `fields`). */
export function project(doc: Document, projection: Document | undefined): Document {
  if (!projection || Object.keys(projection).length === 0) return doc;
  return projectAll([doc], projection)[0];
}

function projectAll(docs: Document[], projection: Document): Document[] {
  const simple = compileSimpleProjection(projection);
  return simple ? docs.map(simple) : (mingoQuery({}).find(docs, projection).all() as Document[]);
}

/** Runs an aggregation; $lookup and friends resolve other collections of the same database. */
export function aggregate(store: Store, db: string, source: Document[], pipeline: Document[]): Document[] {
  return mingo.aggregate(source, pipeline, {
    ...mingoOptions,
    processingMode: mingo.ProcessingMode.CLONE_INPUT,
    collectionResolver: (name: string) => [...(store.collection(db, name)?.docs.values() ?? [])].map(clone),
  }) as Document[];
}

export function clone(doc: Document): Document {
  return BSON.deserialize(BSON.serialize(doc));
}

export function isOperatorUpdate(update: Document | Document[]): boolean {
  if (Array.isArray(update)) return false;
  const keys = Object.keys(update);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length && operators.length !== keys.length) {
    throw failedToParse('Unknown modifier: update documents must contain only atomic operators');
  }
  return operators.length > 0;
}

export interface UpdateOutcome {
  doc: Document;
  modified: boolean;
}

/**
 * Computes the updated version of `current` without touching it. `inserting` is true when the
 * document is being created by an upsert, which is the only time $setOnInsert applies.
 */
export function computeUpdate(
  current: Document,
  update: Document | Document[],
  options: { filter: Document; arrayFilters?: Document[]; inserting?: boolean },
): UpdateOutcome {
  let next: Document;
  let modified: boolean;
  if (Array.isArray(update)) {
    next = mingo.aggregate([clone(current)], update, mingoOptions)[0] as Document;
    modified = !sameBytes(next, current);
  } else if (isOperatorUpdate(update)) {
    checkOperatorUpdate(current, update);
    const simple = options.inserting ? null : applySimpleUpdate(current, update);
    if (simple) {
      // _id is untouched by construction; only the size limit remains to check.
      if (simple.modified) checkSize(simple.doc, 'update');
      return simple;
    }
    next = clone(current);
    const modifier: Document = { ...update };
    const onInsert = modifier.$setOnInsert as Document | undefined;
    delete modifier.$setOnInsert;
    if (options.inserting && onInsert) modifier.$set = { ...(modifier.$set as Document | undefined), ...onInsert };
    guardId(modifier, current);
    // The filter is passed only to resolve positional `$` paths; an upsert seed need not match it.
    const condition = options.inserting ? {} : options.filter;
    const changed = Object.keys(modifier).length
      ? mingo.update(next, modifier, options.arrayFilters ?? [], condition, {
          cloneMode: 'deep',
          queryOptions: mingoOptions,
        })
      : [];
    modified = changed.length > 0;
  } else {
    if ('_id' in update && current._id !== undefined && !sameValue(update._id, current._id)) throw immutableId();
    next = { _id: current._id, ...update };
    if (next._id === undefined) delete next._id;
    modified = !sameBytes(next, current);
  }
  if (current._id !== undefined && !sameValue(next._id, current._id)) throw immutableId();
  checkSize(next, 'update');
  return { doc: next, modified };
}

/** `$set: {_id: sameValue}` is a no-op in MongoDB; any other operator on _id is refused. */
function guardId(modifier: Document, current: Document): void {
  for (const [operator, fields] of Object.entries(modifier)) {
    if (!isPlainObject(fields)) continue;
    for (const field of Object.keys(fields)) {
      if (field !== '_id' && !field.startsWith('_id.')) continue;
      if (operator === '$set' && field === '_id' && (current._id === undefined || sameValue(fields._id, current._id))) {
        if (current._id !== undefined) {
          const { _id, ...rest } = fields;
          modifier[operator] = rest;
        }
        continue;
      }
      throw immutableId();
    }
  }
}

/** Enforces maxBsonObjectSize with MongoDB's codes: 10334 for inserts, 17419 for update results. */
export function checkSize(doc: Document, after: 'insert' | 'update' = 'insert'): void {
  const size = BSON.calculateObjectSize(doc);
  if (size <= MAX_BSON_OBJECT_SIZE) return;
  if (after === 'update') {
    throw new CommandError(
      17419,
      'Location17419',
      `Resulting document after update is larger than ${MAX_BSON_OBJECT_SIZE} (${size} bytes)`,
    );
  }
  throw new CommandError(
    10334,
    'BSONObjectTooLarge',
    `object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_OBJECT_SIZE}`,
  );
}

/** The document an upsert starts from: the equality conditions of its filter. */
export function upsertSeed(filter: Document): Document {
  const seed: Document = {};
  const collect = (conditions: Document) => {
    for (const [key, value] of Object.entries(conditions)) {
      if (key === '$and' && Array.isArray(value)) value.forEach((part) => isPlainObject(part) && collect(part));
      if (key.startsWith('$')) continue;
      if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
        if ('$eq' in value) setPath(seed, key, value.$eq);
        continue;
      }
      setPath(seed, key, value);
    }
  };
  collect(filter);
  return seed;
}

/** Puts `_id` first (generating an ObjectId when missing), as MongoDB stores it. */
export function withId(doc: Document): Document {
  const { _id, ...rest } = doc;
  if (Array.isArray(_id) || _id instanceof RegExp) throw badValue(`can't use an array or regex for _id`);
  return { _id: _id === undefined ? new ObjectId() : _id, ...rest };
}

function setPath(target: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = target;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(at[part])) at[part] = {};
    at = at[part] as Document;
  }
  at[parts[parts.length - 1]] = value;
}

function sameBytes(a: Document, b: Document): boolean {
  return Buffer.from(BSON.serialize(a)).equals(BSON.serialize(b));
}

function sameValue(a: unknown, b: unknown): boolean {
  return sameBytes({ v: a }, { v: b });
}

function immutableId(): CommandError {
  return new CommandError(
    66,
    'ImmutableField',
    "Performing an update on the path '_id' would modify the immutable field '_id'",
  );
}
