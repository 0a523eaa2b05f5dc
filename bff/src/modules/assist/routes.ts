// 帮办代办 operations: the guide's request, the resident's consent (code or SMS), revoke, lists
// for residents, guides and supervisors, and the proxy letter.
import type { Connection } from 'mongoose';
import { callOptions } from '../../core/budget';
import { sessionOf } from '../../core/auth';
import type { Logger } from '../../core/logger';
import type { Api } from '../../core/openapi';
import type { PiiCrypto } from '../../core/pii-crypto';
import type { Platform } from '../../platform';
import { HallsClient } from '../../platform/halls';
import { accountModel } from '../accounts/model';
import type { AccountService } from '../accounts/service';
import { assistModels } from './model';
import {
  AssistRequestView,
  CodeParams,
  CreateRequestBody,
  GrantBody,
  GrantParams,
  GrantView,
  GuideGrants,
  GuideGrantsQuery,
  LetterView,
  MyGrants,
  RequestParams,
  RequestPreview,
  SendSmsBody,
  SmsGrantBody,
  SmsSent,
} from './schema';
import { AssistService } from './service';

const tags = ['帮办代办'];
const platformFaults = [
  { status: 502, codes: ['PLATFORM_BAD_GATEWAY'] },
  { status: 503, codes: ['PLATFORM_UNAVAILABLE'] },
  { status: 504, codes: ['PLATFORM_TIMEOUT'] },
];
const codeRefusals = [
  { status: 404, codes: ['ASSIST_REQUEST_NOT_FOUND'] },
  { status: 409, codes: ['ASSIST_REQUEST_USED'] },
  { status: 410, codes: ['ASSIST_REQUEST_EXPIRED'] },
];

export interface AssistModuleDeps {
  store: Connection;
  platform: Platform;
  accounts: AccountService;
  crypto: PiiCrypto;
  logger: Logger;
}

export function createAssistService(deps: AssistModuleDeps): AssistService {
  const models = assistModels(deps.store);
  // Indexes (one grant per request, the list look-ups) before the first write.
  void Promise.all([models.requests.init(), models.grants.init(), models.actions.init()]).catch((error: unknown) =>
    deps.logger.error({ err: error }, 'assist indexes'),
  );
  return new AssistService({
    models,
    accounts: deps.accounts,
    accountModel: accountModel(deps.store),
    platform: deps.platform,
    halls: new HallsClient(deps.platform.http),
    crypto: deps.crypto,
    logger: deps.logger,
  });
}

export function registerAssistRoutes(api: Api, assist: AssistService): void {
  api.route({
    operationId: 'createAssistRequest',
    method: 'post',
    path: '/api/assist/requests',
    summary: '帮办员发起授权请求（事项、方式、时长 ≤ 4 小时），得到一次性授权码与二维码内容',
    tags,
    auth: { roles: ['guide'] },
    body: CreateRequestBody,
    response: AssistRequestView,
    successStatus: 201,
    errors: [
      { status: 403, codes: ['GUIDE_NOT_IN_DIRECTORY'] },
      { status: 422, codes: ['ASSIST_ITEM_UNKNOWN'] },
      ...platformFaults,
    ],
    handler: (ctx, { body }) => assist.createRequest(sessionOf(ctx), body, callOptions(ctx)),
  });

  api.route({
    operationId: 'getAssistRequest',
    method: 'get',
    path: '/api/assist/requests/{requestId}',
    summary: '帮办员查看自己的授权请求（是否已被居民授权）',
    tags,
    auth: { roles: ['guide'] },
    params: RequestParams,
    response: AssistRequestView,
    errors: [{ status: 404, codes: ['ASSIST_REQUEST_NOT_FOUND'] }],
    handler: (ctx, { params }) => assist.getRequest(sessionOf(ctx), params.requestId),
  });

  api.route({
    operationId: 'previewAssistRequest',
    method: 'get',
    path: '/api/assist/requests/by-code/{code}',
    summary: '居民扫码或输入授权码后，先查看帮办员、事项、方式和时长再确认',
    tags,
    auth: { level: 'REAL_NAME', roles: ['resident'] },
    params: CodeParams,
    response: RequestPreview,
    errors: codeRefusals,
    handler: (_ctx, { params }) => assist.previewRequest(params.code),
  });

  api.route({
    operationId: 'grantAssist',
    method: 'post',
    path: '/api/assist/grants',
    summary: '居民在本人账号中确认授权（扫码或输入授权码；需实名）',
    tags,
    auth: { level: 'REAL_NAME', roles: ['resident'] },
    body: GrantBody,
    response: GrantView,
    successStatus: 201,
    errors: [...codeRefusals, { status: 422, codes: ['ASSIST_RESIDENT_NOT_ELIGIBLE'] }],
    handler: (ctx, { body }) => assist.grantByCode(sessionOf(ctx), body.code),
  });

  api.route({
    operationId: 'sendAssistSmsCode',
    method: 'post',
    path: '/api/assist/requests/{requestId}/sms-code',
    summary: '居民手边没有手机时：向居民注册手机号发送一次性授权码（居民须已实名）',
    tags,
    auth: { roles: ['guide'] },
    params: RequestParams,
    body: SendSmsBody,
    response: SmsSent,
    errors: [
      ...codeRefusals,
      { status: 422, codes: ['ASSIST_RESIDENT_NOT_ELIGIBLE'] },
      { status: 429, codes: ['ASSIST_SMS_LIMIT', 'SMS_CODE_RATE_LIMITED'] },
      ...platformFaults,
    ],
    handler: (ctx, { params, body }) =>
      assist.sendSmsCode(sessionOf(ctx), params.requestId, body.mobile, callOptions(ctx)),
  });

  api.route({
    operationId: 'grantAssistBySms',
    method: 'post',
    path: '/api/assist/requests/{requestId}/sms-grant',
    summary: '帮办员输入居民读出的短信授权码完成授权（最多 5 次尝试）',
    tags,
    auth: { roles: ['guide'] },
    params: RequestParams,
    body: SmsGrantBody,
    response: GrantView,
    successStatus: 201,
    errors: [
      ...codeRefusals,
      { status: 400, codes: ['ASSIST_SMS_CODE_INVALID', 'ASSIST_SMS_CODE_EXPIRED'] },
      { status: 422, codes: ['ASSIST_RESIDENT_NOT_ELIGIBLE'] },
    ],
    handler: (ctx, { params, body }) => assist.grantBySms(sessionOf(ctx), params.requestId, body.code),
  });

  api.route({
    operationId: 'revokeAssist',
    method: 'post',
    path: '/api/assist/grants/{grantId}/revoke',
    summary: '居民撤销授权（即时生效）',
    tags,
    auth: { roles: ['resident'] },
    params: GrantParams,
    response: GrantView,
    errors: [{ status: 404, codes: ['ASSIST_GRANT_NOT_FOUND'] }],
    handler: (ctx, { params }) => assist.revoke(sessionOf(ctx), params.grantId),
  });

  api.route({
    operationId: 'listMyGrants',
    method: 'get',
    path: '/api/assist/grants',
    summary: '我的授权与代办记录（居民）',
    tags,
    auth: { roles: ['resident'] },
    response: MyGrants,
    handler: (ctx) => assist.listMine(sessionOf(ctx)),
  });

  api.route({
    operationId: 'listGuideGrants',
    method: 'get',
    path: '/api/assist/guide-grants',
    summary: '帮办员查看本人进行中与过往的授权；督办人员按帮办员查看（可按工号筛选）',
    tags,
    auth: { roles: ['guide', 'supervisor'] },
    query: GuideGrantsQuery,
    response: GuideGrants,
    handler: (ctx, { query }) => assist.listForGuide(sessionOf(ctx), query),
  });

  api.route({
    operationId: 'getAssistLetter',
    method: 'get',
    path: '/api/assist/grants/{grantId}/letter',
    summary: '代办委托书摘要（委托人与受托人可查看）',
    tags,
    auth: {},
    params: GrantParams,
    response: LetterView,
    errors: [
      { status: 404, codes: ['ASSIST_GRANT_NOT_FOUND'] },
      { status: 422, codes: ['ASSIST_MODE_NOT_PROXY'] },
    ],
    handler: (ctx, { params }) => assist.letter(sessionOf(ctx), params.grantId),
  });
}
