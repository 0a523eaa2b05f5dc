// Supervision (督办): supervisors only.
import type { Api } from '../../core/openapi';
import { SummaryQuery, SupervisionSummary } from './schema';
import type { SupervisionService } from './service';

export function registerSupervisionRoutes(api: Api, supervision: SupervisionService): void {
  api.route({
    operationId: 'getSupervisionSummary',
    method: 'get',
    path: '/api/supervision/summary',
    summary: '督办概览：超时咨询、超期办件、整改事项、按事项和服务厅的满意度（默认近 30 天）',
    tags: ['督办'],
    auth: { roles: ['supervisor'] },
    query: SummaryQuery,
    response: SupervisionSummary,
    handler: (_ctx, { query }) => supervision.summary(query),
  });
}
