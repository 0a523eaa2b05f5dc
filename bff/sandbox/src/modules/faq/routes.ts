// FAQ search over the service catalogue's common questions (Chinese keyword search), and the
// service items they belong to. Read-only fixed data.
import { z } from 'zod';
import type { SandboxModule } from '../../core/deps';
import { defineOperation, json } from '../../core/route';
import { SERVICE_ITEMS } from '../../seed/service-items';
import { searchFaq } from './entries';

const entry = z
  .object({
    faqId: z.string(),
    itemCode: z.string(),
    itemName: z.string(),
    question: z.string(),
    answer: z.string(),
    score: z.number(),
  })
  .openapi('FaqEntry');

export const faqRoutes: SandboxModule = (target) => {
  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/faq/search',
      operationId: 'faqSearch',
      tags: ['faq'],
      summary: 'Common questions matching Chinese keywords, best first',
      query: z.object({
        q: z.string().trim().min(1, '不能为空').max(200, '过长'),
        itemCode: z.string().max(20).optional(),
        limit: z.coerce.number().int().min(1).max(20).default(5),
      }),
      responses: { 200: json('Matching entries', z.object({ entries: z.array(entry) })) },
    },
    (ctx, { query }) => {
      const found = searchFaq(query.q, { itemCode: query.itemCode, limit: query.limit });
      ctx.body = { entries: found.map(({ keywords: _k, ...rest }) => rest) };
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/faq/items',
      operationId: 'faqItems',
      tags: ['faq'],
      summary: 'The service items (code, name, department) residents can ask about',
      responses: {
        200: json(
          'Service items',
          z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), department: z.string() })) }),
        ),
      },
    },
    (ctx) => {
      ctx.body = { items: SERVICE_ITEMS };
    },
  );
};
