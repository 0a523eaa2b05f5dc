// Writes the generated population into the sandbox's database. A durable database is seeded once:
// a marker records seed and generator version, and is written last so an interrupted seeding
// is redone on the next start. A different seed or version replaces the seeded collections.
import { createHash } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Logger } from 'pino';
import type { Models } from '../models';
import { generatePopulation, POPULATION_VERSION } from './population';
import type { Population } from './types';

export interface SeedMarker {
  _id: string;
  seed: number;
  version: number;
  counts: Record<string, number>;
  personas: Population['personas'];
  seededAt: Date;
}

const markerSchema = new Schema<SeedMarker>(
  {
    _id: String,
    seed: Number,
    version: Number,
    counts: Schema.Types.Mixed,
    personas: Schema.Types.Mixed,
    seededAt: Date,
  },
  { versionKey: false, collection: 'seed_marker' },
);

export function seedModels(conn: Connection) {
  return { SeedMarker: conn.model<SeedMarker>('SeedMarker', markerSchema) };
}

const MARKER_ID = 'population';

/** The seeded collections, in a fixed order (for digests and counts). */
function seededModels(models: Models): Record<string, Model<unknown>> {
  return {
    residents: models.Resident,
    households: models.Household,
    titles: models.Title,
    licences: models.Licence,
    halls: models.Hall,
    staff: models.Staff,
  } as unknown as Record<string, Model<unknown>>;
}

export async function ensureSeeded(models: Models, seed: number, logger: Logger): Promise<SeedMarker> {
  const existing = await models.SeedMarker.findById(MARKER_ID).lean<SeedMarker>();
  if (existing && existing.seed === seed && existing.version === POPULATION_VERSION) {
    logger.info({ seed, version: existing.version }, 'population already seeded');
    return existing;
  }
  const started = Date.now();
  const population = generatePopulation(seed);
  const collections = seededModels(models);
  await models.SeedMarker.deleteMany({});
  for (const model of Object.values(collections)) await model.deleteMany({});
  const records: Record<string, unknown[]> = {
    residents: population.residents,
    households: population.households,
    titles: population.titles,
    licences: population.licences,
    halls: population.halls,
    staff: population.staff,
  };
  const counts: Record<string, number> = {};
  for (const [name, model] of Object.entries(collections)) {
    // lean: the generator already produced exactly the documents to store.
    await model.insertMany(records[name], { lean: true, ordered: false });
    counts[name] = records[name].length;
  }
  const marker: SeedMarker = {
    _id: MARKER_ID,
    seed,
    version: POPULATION_VERSION,
    counts,
    personas: population.personas,
    seededAt: new Date(),
  };
  await models.SeedMarker.create(marker);
  logger.info({ seed, version: POPULATION_VERSION, counts, ms: Date.now() - started }, 'population seeded');
  return marker;
}

/** A digest of every seeded document, to show two databases hold identical data. */
export async function seededDigest(models: Models): Promise<{ digest: string; counts: Record<string, number> }> {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const [name, model] of Object.entries(seededModels(models))) {
    const docs = await model.find({}).sort({ _id: 1 }).lean();
    counts[name] = docs.length;
    hash.update(name);
    for (const doc of docs) hash.update(JSON.stringify(doc));
  }
  return { digest: hash.digest('hex'), counts };
}
