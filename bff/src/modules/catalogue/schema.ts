// Service-item catalogue shapes.
import { z } from '../../core/openapi';

const categories = ['PROPERTY', 'SPOUSE', 'ELDERLY_PARENT', 'CHILD', 'TALENT', 'EMPLOYMENT'] as const;

export const ListItemsQuery = z.object({
  q: z
    .string()
    .max(50, '关键词不能超过 50 个字')
    .optional()
    .openapi({ description: '中文关键词，空格分隔，须全部出现', example: '落户 毕业生' }),
});

export const ItemSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    department: z.string(),
    moveCategory: z.enum(categories).optional(),
    summary: z.string(),
    timeLimitDays: z.number().int().openapi({ description: '承诺时限（工作日）' }),
    visitsNeeded: z.number().int().openapi({ description: '到现场次数（0 或 1）' }),
    onlineAvailable: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('ServiceItemSummary');

export const ListItemsResult = z.object({ items: z.array(ItemSummary) }).openapi('ServiceItemList');

export const ItemParams = z.object({
  code: z
    .string()
    .regex(/^[A-Z]{2,4}(-[A-Z]{2,4}){1,3}$/, '事项编码格式不正确')
    .openapi({ param: { name: 'code', in: 'path' }, example: 'HJ-QR-GF' }),
});

export const GuideMaterial = z
  .object({
    key: z.string(),
    name: z.string(),
    source: z.enum(['household', 'realestate', 'licence', 'education', 'social-insurance', 'upload']),
    sourceName: z.string().openapi({ description: '持有该材料的部门或“本人上传”' }),
    licenceType: z.string().optional(),
    required: z.boolean(),
    note: z.string(),
  })
  .openapi('GuideMaterial');

export const ServiceGuide = ItemSummary.extend({
  conditions: z.array(z.string()),
  materials: z.array(GuideMaterial),
  legalTimeLimitDays: z.number().int(),
  fee: z.string(),
  legalBasis: z.array(z.string()),
  crossProvince: z.boolean(),
  halls: z.array(
    z.object({ hallId: z.string(), name: z.string(), city: z.string(), address: z.string(), phone: z.string() }),
  ),
}).openapi('ServiceGuide');
