// 办事进度: the resident's applications (drafts and submitted), and one with its timeline,
// deadline in working days and what to correct. Someone else's application answers 404.
// A guide under a proxy grant reads only the applications of the granted items.
import { actableUnderGrant, readsGrantedItems } from '../../core/acting';
import { sessionOf } from '../../core/auth';
import type { Api } from '../../core/openapi';
import { ApplicationList, ApplicationParams, ApplicationView } from '../moves/schema';
import { actsOnApplication, platformFaults } from '../moves/routes';
import type { MoveService } from '../moves/service';

const tags = ['办事进度'];

export function registerApplicationRoutes(api: Api, moves: MoveService): void {
  api.route({
    operationId: 'listMyApplications',
    method: 'get',
    path: '/api/applications',
    summary: '我的申请（草稿与已提交），含状态、截止日与下一步',
    tags,
    auth: { level: 'REAL_NAME' },
    response: ApplicationList,
    errors: platformFaults,
    handler: (ctx) => moves.list(sessionOf(ctx)),
  });
  actableUnderGrant(api, 'listMyApplications', readsGrantedItems('查看申请', 'applications'));

  api.route({
    operationId: 'getApplication',
    method: 'get',
    path: '/api/applications/{applicationId}',
    summary: '申请详情：办理进度时间线、承诺时限（工作日）与截止日、需要补正的内容',
    tags,
    auth: { level: 'REAL_NAME' },
    params: ApplicationParams,
    response: ApplicationView,
    errors: [{ status: 404, codes: ['APPLICATION_NOT_FOUND'] }, ...platformFaults],
    handler: (ctx, { params }) => moves.get(sessionOf(ctx), params.applicationId),
  });
  actableUnderGrant(api, 'getApplication', actsOnApplication('查看申请详情', moves));
}
