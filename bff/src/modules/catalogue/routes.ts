// Service-item catalogue (办事指南): public, cached.
import type { Api } from '../../core/openapi';
import { SOURCE_NAMES } from '../moves/materials';
import { ItemParams, ListItemsQuery, ListItemsResult, ServiceGuide } from './schema';
import type { CatalogueService } from './service';

const tags = ['办事指南'];
const platformFaults = [
  { status: 502, codes: ['PLATFORM_BAD_GATEWAY'] },
  { status: 503, codes: ['PLATFORM_UNAVAILABLE'] },
  { status: 504, codes: ['PLATFORM_TIMEOUT'] },
];

export function registerCatalogueRoutes(api: Api, catalogue: CatalogueService): void {
  api.route({
    operationId: 'listServiceItems',
    method: 'get',
    path: '/api/service-items',
    summary: '办事事项列表（可按中文关键词搜索）',
    tags,
    auth: false,
    query: ListItemsQuery,
    response: ListItemsResult,
    errors: platformFaults,
    handler: async (_ctx, { query }) => ({ items: await catalogue.list(query.q) }),
  });

  api.route({
    operationId: 'getServiceItem',
    method: 'get',
    path: '/api/service-items/{code}',
    summary: '办事指南：条件、材料（标明由哪个部门提供或需本人上传）、时限、收费、依据、到场次数、办理大厅',
    tags,
    auth: false,
    params: ItemParams,
    response: ServiceGuide,
    errors: [{ status: 404, codes: ['ITEM_NOT_FOUND'] }, ...platformFaults],
    handler: async (_ctx, { params }) => {
      const guide = await catalogue.get(params.code);
      const { keywords: _keywords, ...rest } = guide;
      return {
        ...rest,
        materials: guide.materials.map((m) => ({ ...m, sourceName: SOURCE_NAMES[m.source] ?? m.source })),
      };
    },
  });
}
