// Service-item catalogue (事项目录): the standard guide of every item and the halls that handle
// it. Read-only; the BFF caches it for a short time.
import { z } from 'zod';
import type { SandboxModule } from '../../core/deps';
import { SandboxError } from '../../core/errors';
import { defineOperation, json } from '../../core/route';
import { findGuide, searchGuides, type ServiceGuide } from './guides';

const material = z
  .object({
    key: z.string(),
    name: z.string(),
    source: z.enum(['household', 'realestate', 'licence', 'education', 'social-insurance', 'upload']),
    licenceType: z.enum(['ID_CARD', 'HOUSEHOLD_REGISTER', 'MARRIAGE', 'GRADUATION']).optional(),
    required: z.boolean(),
    note: z.string(),
  })
  .openapi('GuideMaterial');

const summary = z
  .object({
    code: z.string(),
    name: z.string(),
    department: z.string(),
    moveCategory: z.enum(['PROPERTY', 'SPOUSE', 'ELDERLY_PARENT', 'CHILD', 'TALENT', 'EMPLOYMENT']).optional(),
    summary: z.string(),
    timeLimitDays: z.number().int(),
    visitsNeeded: z.number().int(),
    onlineAvailable: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('ServiceItemSummary');

const hall = z.object({
  hallId: z.string(),
  name: z.string(),
  city: z.string(),
  address: z.string(),
  phone: z.string(),
});

const guide = summary
  .extend({
    keywords: z.array(z.string()),
    conditions: z.array(z.string()),
    materials: z.array(material),
    legalTimeLimitDays: z.number().int(),
    fee: z.string(),
    legalBasis: z.array(z.string()),
    crossProvince: z.boolean(),
    halls: z.array(hall),
  })
  .openapi('ServiceGuide');

const toSummary = (g: ServiceGuide) => ({
  code: g.code,
  name: g.name,
  department: g.department,
  ...(g.moveCategory ? { moveCategory: g.moveCategory } : {}),
  summary: g.summary,
  timeLimitDays: g.timeLimitDays,
  visitsNeeded: g.visitsNeeded,
  onlineAvailable: g.onlineAvailable,
  updatedAt: g.updatedAt,
});

export const catalogueRoutes: SandboxModule = (target, { models }) => {
  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/catalogue/items',
      operationId: 'listCatalogueItems',
      tags: ['catalogue'],
      summary: 'Service items, optionally filtered by Chinese keywords (all terms must match)',
      query: z.object({ q: z.string().max(50).optional() }),
      responses: { 200: json('The items', z.object({ items: z.array(summary) })) },
    },
    (ctx, { query }) => {
      ctx.body = { items: searchGuides(query.q).map(toSummary) };
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/catalogue/items/{code}',
      operationId: 'getCatalogueItem',
      tags: ['catalogue'],
      summary: 'The standard guide of one item, with the halls that handle it',
      params: z.object({ code: z.string().regex(/^[A-Z]{2,4}(-[A-Z]{2,4}){1,3}$/, '应为事项编码，例如 HJ-QR-GF') }),
      errors: { 404: 'ITEM_NOT_FOUND' },
      responses: { 200: json('The guide', guide) },
    },
    async (ctx, { params }) => {
      const found = findGuide(params.code);
      if (!found) throw new SandboxError(404, 'ITEM_NOT_FOUND', '未找到该办事事项');
      const halls = await models.Hall.find({ serviceItems: found.code }, { name: 1, city: 1, address: 1, phone: 1 })
        .sort({ _id: 1 })
        .lean();
      ctx.body = {
        ...toSummary(found),
        keywords: found.keywords,
        conditions: found.conditions,
        materials: found.materials,
        legalTimeLimitDays: found.legalTimeLimitDays,
        fee: found.fee,
        legalBasis: found.legalBasis,
        crossProvince: found.crossProvince,
        halls: halls.map((h) => ({
          hallId: String(h._id),
          name: h.name,
          city: h.city,
          address: h.address,
          phone: h.phone,
        })),
      };
    },
  );
};
