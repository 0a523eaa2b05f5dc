// 好差评 operations: rate a finished service once; rectification cases for bad ratings.
import { sessionOf } from '../../core/auth';
import { callOptions } from '../../core/budget';
import type { Api } from '../../core/openapi';
import { RectificationView } from '../questions/schema';
import {
  AnswerRectificationBody,
  RateServiceBody,
  RatingResult,
  RectificationList,
  RectificationParams,
  RectificationQuery,
} from './schema';
import type { RatingService } from './service';

const tags = ['好差评'];
const platformFaults = [
  { status: 502, codes: ['PLATFORM_BAD_GATEWAY'] },
  { status: 503, codes: ['PLATFORM_UNAVAILABLE'] },
  { status: 504, codes: ['PLATFORM_TIMEOUT'] },
];

export function registerRatingRoutes(api: Api, ratings: RatingService): void {
  api.route({
    operationId: 'rateService',
    method: 'post',
    path: '/api/ratings',
    summary: '评价一项已完成的服务（一事一评，只能评价一次）；差评自动生成整改事项',
    tags,
    auth: { roles: ['resident'] },
    body: RateServiceBody,
    response: RatingResult,
    successStatus: 201,
    errors: [
      { status: 404, codes: ['SERVICE_NOT_FOUND'] },
      { status: 409, codes: ['ALREADY_RATED', 'SERVICE_NOT_FINISHED'] },
      ...platformFaults,
    ],
    handler: (ctx, { body }) => ratings.rate(sessionOf(ctx), body),
  });

  api.route({
    operationId: 'listRectifications',
    method: 'get',
    path: '/api/rectifications',
    summary: '整改事项：居民看到自己的，工作人员和督办人员看到全部（最紧急的在前）',
    tags,
    auth: { roles: ['resident', 'staff', 'supervisor'] },
    query: RectificationQuery,
    response: RectificationList,
    handler: (ctx, { query }) => ratings.list(sessionOf(ctx), query),
  });

  api.route({
    operationId: 'answerRectification',
    method: 'post',
    path: '/api/rectifications/{rectificationId}/answer',
    summary: '答复整改事项（答复会通知并展示给居民）',
    tags,
    auth: { roles: ['staff'] },
    params: RectificationParams,
    body: AnswerRectificationBody,
    response: RectificationView,
    errors: [
      { status: 404, codes: ['RECTIFICATION_NOT_FOUND'] },
      { status: 409, codes: ['ALREADY_ANSWERED'] },
      ...platformFaults,
    ],
    handler: (ctx, { params, body }) =>
      ratings.answer(sessionOf(ctx), params.rectificationId, body.text, callOptions(ctx)),
  });
}
