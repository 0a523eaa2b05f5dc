// A collection: documents in insertion order keyed by their canonical _id, plus secondary
// indexes. Every method is synchronous on purpose: a write checks its unique keys and applies
// itself within one turn of the event loop, so concurrent clients can never interleave inside it.
import type { Document } from 'bson';
import { DuplicateKeyError } from '../errors';
import { valueKey } from './keys';
import { plan } from './planner';
import { SecondaryIndex, type IndexSpec } from './secondary-index';

export const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

export class Collection {
  readonly docs = new Map<string, Document>();
  readonly indexes: SecondaryIndex[] = [];

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: Document = {},
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  indexSpecs(): IndexSpec[] {
    return [ID_INDEX, ...this.indexes.map((index) => index.spec)];
  }

  /** Throws E11000 if `doc` would collide with another document under any unique index. */
  checkUnique(doc: Document, replacing: string | null): void {
    const id = valueKey(doc._id);
    if (id !== replacing && this.docs.has(id)) {
      throw new DuplicateKeyError(this.ns, '_id_', { _id: 1 }, { _id: doc._id });
    }
    for (const index of this.indexes) {
      const keyValue = index.conflict(doc, id);
      if (keyValue) throw new DuplicateKeyError(this.ns, index.name, index.spec.key, keyValue);
    }
  }

  insert(doc: Document): void {
    this.checkUnique(doc, null);
    this.put(doc);
  }

  /** Stores a document without unique checks (journal replay trusts what was acknowledged). */
  put(doc: Document): void {
    const id = valueKey(doc._id);
    const previous = this.docs.get(id);
    if (previous) for (const index of this.indexes) index.remove(previous, id);
    this.docs.set(id, doc);
    for (const index of this.indexes) index.add(doc, id);
  }

  replace(previous: Document, next: Document): void {
    const id = valueKey(previous._id);
    this.checkUnique(next, id);
    this.put(next);
  }

  remove(doc: Document): boolean {
    const id = valueKey(doc._id);
    if (!this.docs.has(id)) return false;
    for (const index of this.indexes) index.remove(doc, id);
    this.docs.delete(id);
    return true;
  }

  removeById(idKey: string): void {
    const doc = this.docs.get(idKey);
    if (doc) this.remove(doc);
  }

  /** Builds an index over the existing documents; refuses (and leaves nothing behind) on duplicates. */
  addIndex(spec: IndexSpec, enforceUnique = true): void {
    const index = new SecondaryIndex(spec);
    for (const [id, doc] of this.docs) {
      if (enforceUnique) {
        const keyValue = index.conflict(doc, id);
        if (keyValue) throw new DuplicateKeyError(this.ns, spec.name, spec.key, keyValue);
      }
      index.add(doc, id);
    }
    this.indexes.push(index);
  }

  dropIndex(name: string): boolean {
    const at = this.indexes.findIndex((index) => index.name === name);
    if (at < 0) return false;
    this.indexes.splice(at, 1);
    return true;
  }

  /** Documents that may match `filter`, in natural order when scanning. */
  candidates(filter: Document): Document[] {
    const chosen = plan(filter, this.indexes, (id) => this.docs.get(id));
    if (chosen.kind === 'scan') return [...this.docs.values()];
    const out: Document[] = [];
    for (const id of chosen.ids) {
      const doc = this.docs.get(id);
      if (doc) out.push(doc);
    }
    return out;
  }
}
