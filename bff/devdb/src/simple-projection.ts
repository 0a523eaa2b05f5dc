// Projections of the common shape, top-level fields kept or dropped ({title: 1, status: 1} or
// {messages: 0}), picked field by field. mingo's general projection deep-clones every document
// first, which dominated list queries such as the staff inbox. Stored documents are immutable
// (every write replaces the object), so sharing nested values with the result is safe.
// Anything else (dotted paths, $slice, $elemMatch, expressions, mixed inclusion and exclusion,
// which MongoDB rejects) returns null and goes to mingo, errors included.
import type { Document } from 'bson';

export type Projector = (doc: Document) => Document;

export function compileSimpleProjection(projection: Document): Projector | null {
  let includeId = true;
  const included = new Set<string>();
  const excluded = new Set<string>();
  for (const [field, value] of Object.entries(projection)) {
    if (field.startsWith('$') || field.includes('.')) return null;
    if (typeof value !== 'number' && typeof value !== 'boolean') return null;
    const keep = value !== 0 && value !== false;
    if (field === '_id') includeId = keep;
    else (keep ? included : excluded).add(field);
  }
  if (included.size > 0 && excluded.size > 0) return null;
  // {_id: 1, other: 0}: left to mingo, which answers it as devdb always has.
  if (excluded.size > 0 && includeId && '_id' in projection) return null;
  if (included.size > 0 || (includeId && excluded.size === 0 && '_id' in projection)) {
    // Inclusion: _id (unless dropped) and the named fields, in the document's own order.
    return (doc) => {
      const out: Document = {};
      for (const key of Object.keys(doc)) if (key === '_id' ? includeId : included.has(key)) out[key] = doc[key];
      return out;
    };
  }
  if (!includeId) excluded.add('_id');
  return (doc) => {
    const out: Document = {};
    for (const key of Object.keys(doc)) if (!excluded.has(key)) out[key] = doc[key];
    return out;
  };
}
