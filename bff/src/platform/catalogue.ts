// Service-item catalogue (事项目录): item summaries with keyword search and one item's standard
// guide. Read-only; the BFF's catalogue module caches the answers for a short time.
import { z } from 'zod';
import type { PlatformHttp } from './http';
import { parseAnswer, unexpectedStatus } from './parse';

export const CATALOGUE_SERVICE = 'catalogue';

export const MATERIAL_SOURCES = [
  'household',
  'realestate',
  'licence',
  'education',
  'social-insurance',
  'upload',
] as const;
export type MaterialSource = (typeof MATERIAL_SOURCES)[number];
export const MOVE_CATEGORIES = ['PROPERTY', 'SPOUSE', 'ELDERLY_PARENT', 'CHILD', 'TALENT', 'EMPLOYMENT'] as const;
export type MoveCategory = (typeof MOVE_CATEGORIES)[number];

const summary = z.object({
  code: z.string(),
  name: z.string(),
  department: z.string(),
  moveCategory: z.enum(MOVE_CATEGORIES).optional(),
  summary: z.string(),
  timeLimitDays: z.number().int(),
  visitsNeeded: z.number().int(),
  onlineAvailable: z.boolean(),
  updatedAt: z.string(),
});

const material = z.object({
  key: z.string(),
  name: z.string(),
  source: z.enum(MATERIAL_SOURCES),
  licenceType: z.enum(['ID_CARD', 'HOUSEHOLD_REGISTER', 'MARRIAGE', 'GRADUATION']).optional(),
  required: z.boolean(),
  note: z.string(),
});

const guide = summary.extend({
  keywords: z.array(z.string()),
  conditions: z.array(z.string()),
  materials: z.array(material),
  legalTimeLimitDays: z.number().int(),
  fee: z.string(),
  legalBasis: z.array(z.string()),
  crossProvince: z.boolean(),
  halls: z.array(
    z.object({ hallId: z.string(), name: z.string(), city: z.string(), address: z.string(), phone: z.string() }),
  ),
});

export type ItemSummary = z.output<typeof summary>;
export type ItemGuide = z.output<typeof guide>;
export type GuideMaterial = z.output<typeof material>;

export class CatalogueClient {
  constructor(private readonly http: PlatformHttp) {}

  async list(q?: string): Promise<ItemSummary[]> {
    const what = 'catalogue items';
    const res = await this.http.request(CATALOGUE_SERVICE, {
      method: 'GET',
      path: '/v1/catalogue/items',
      query: { q },
    });
    if (res.status === 200)
      return parseAnswer(CATALOGUE_SERVICE, what, z.object({ items: z.array(summary) }), res.body).items;
    throw unexpectedStatus(CATALOGUE_SERVICE, what, res);
  }

  /** One item's guide; null when the catalogue has no such item. */
  async get(code: string): Promise<ItemGuide | null> {
    const what = 'catalogue item';
    const res = await this.http.request(CATALOGUE_SERVICE, {
      method: 'GET',
      path: `/v1/catalogue/items/${encodeURIComponent(code)}`,
    });
    if (res.status === 200) return parseAnswer(CATALOGUE_SERVICE, what, guide, res.body);
    if (res.status === 404 || res.status === 400) return null;
    throw unexpectedStatus(CATALOGUE_SERVICE, what, res);
  }
}
