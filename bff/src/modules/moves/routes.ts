// Household-move operations (real-name residents only): eligibility, drafts, uploads, submit.
import type { Context } from 'koa';
import type { Connection } from 'mongoose';
import { actableUnderGrant, actsOnBodyItem, actsOnLookedUpItem } from '../../core/acting';
import { sessionOf } from '../../core/auth';
import { AppError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { Api } from '../../core/openapi';
import type { PiiCrypto } from '../../core/pii-crypto';
import type { Platform } from '../../platform';
import { CasesClient } from '../../platform/cases';
import { CatalogueClient } from '../../platform/catalogue';
import { HouseholdClient } from '../../platform/household';
import { LicenceClient } from '../../platform/licence';
import { RealEstateClient } from '../../platform/realestate';
import { CATEGORY_ITEMS, type MoveCategory } from '../../rules/move-categories';
import { accountModel } from '../accounts/model';
import type { AccountService } from '../accounts/service';
import type { CatalogueService } from '../catalogue/service';
import type { MovePlatform } from './facts';
import { moveModels } from './model';
import { MoveNoticeJob } from './notices';
import {
  ApplicationParams,
  ApplicationView,
  CreateApplicationBody,
  EligibilityBody,
  EligibilityResult,
  SubmitBody,
  UpdateApplicationBody,
  UploadParams,
} from './schema';
import { MoveService } from './service';
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES } from './uploads';

const tags = ['户口迁移'];
export const platformFaults = [
  { status: 502, codes: ['PLATFORM_BAD_GATEWAY'] },
  { status: 503, codes: ['PLATFORM_UNAVAILABLE'] },
  { status: 504, codes: ['PLATFORM_TIMEOUT'] },
];
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_:.-]{8,128}$/;
const auth = { level: 'REAL_NAME' as const };

export function movePlatform(platform: Platform): MovePlatform {
  return {
    household: new HouseholdClient(platform.http),
    realEstate: new RealEstateClient(platform.http),
    licences: new LicenceClient(platform.http),
    cases: new CasesClient(platform.http),
    catalogue: new CatalogueClient(platform.http),
  };
}

export interface MoveModuleDeps {
  store: Connection;
  platform: Platform;
  catalogue: CatalogueService;
  accounts: AccountService;
  crypto: PiiCrypto;
  logger: Logger;
}

export function registerMoveRoutes(api: Api, deps: MoveModuleDeps): MoveService {
  const models = moveModels(deps.store);
  void Promise.all([models.notices.init(), models.applications.init()]).catch((error: unknown) =>
    deps.logger.error({ err: error }, 'move indexes'),
  );
  const service = new MoveService({
    models,
    platform: movePlatform(deps.platform),
    catalogue: deps.catalogue,
    accounts: deps.accounts,
    crypto: deps.crypto,
    logger: deps.logger,
  });

  api.route({
    operationId: 'checkMoveEligibility',
    method: 'post',
    path: '/api/moves/eligibility',
    summary: '户口迁入条件自查：逐条说明是否符合，并列出哪些材料可由部门提供、哪些需上传',
    tags,
    auth,
    body: EligibilityBody,
    response: EligibilityResult,
    errors: [
      { status: 400, codes: ['RELATIVE_ID_NUMBER_INVALID'] },
      { status: 422, codes: ['NOT_IN_REGISTRY'] },
      ...platformFaults,
    ],
    handler: (ctx, { body }) => service.eligibility(sessionOf(ctx), body),
  });

  api.route({
    operationId: 'createMoveApplication',
    method: 'post',
    path: '/api/moves/applications',
    summary: '新建户口迁移申请草稿（保存在服务器，可在其他设备继续）',
    tags,
    auth,
    body: CreateApplicationBody,
    response: ApplicationView,
    successStatus: 201,
    errors: [{ status: 400, codes: ['RELATIVE_ID_NUMBER_INVALID'] }, ...platformFaults],
    handler: (ctx, { body }) => service.create(sessionOf(ctx), body),
  });
  actableUnderGrant(api, 'createMoveApplication', {
    ...actsOnBodyItem('新建迁户申请', 'applicationId'),
    // The body names a category, not an item: its item is what the grant must cover.
    item: (ctx) => itemOfCategory((ctx.request.body as { category?: unknown } | undefined)?.category),
  });

  api.route({
    operationId: 'updateMoveApplication',
    method: 'patch',
    path: '/api/moves/applications/{applicationId}',
    summary: '保存草稿（须带上读到的 version；其他设备已修改时 409）',
    tags,
    auth,
    params: ApplicationParams,
    body: UpdateApplicationBody,
    response: ApplicationView,
    errors: [
      { status: 400, codes: ['RELATIVE_ID_NUMBER_INVALID'] },
      { status: 404, codes: ['APPLICATION_NOT_FOUND'] },
      { status: 409, codes: ['VERSION_CONFLICT', 'APPLICATION_SUBMITTED'] },
      ...platformFaults,
    ],
    handler: (ctx, { params, body }) => service.update(sessionOf(ctx), params.applicationId, body),
  });
  actableUnderGrant(api, 'updateMoveApplication', actsOnApplication('保存迁户申请', service));

  api.route({
    operationId: 'uploadMoveMaterial',
    method: 'put',
    path: '/api/moves/applications/{applicationId}/materials/{materialKey}',
    summary: '上传没有部门持有的材料：请求体即文件本身（image/jpeg、image/png 或 application/pdf，不超过 5 MB）',
    tags,
    auth,
    params: UploadParams,
    response: ApplicationView,
    errors: [
      { status: 400, codes: ['UPLOAD_EMPTY'] },
      { status: 404, codes: ['APPLICATION_NOT_FOUND', 'MATERIAL_NOT_FOUND'] },
      { status: 409, codes: ['MATERIAL_HELD_BY_SERVICE', 'APPLICATION_SUBMITTED', 'VERSION_CONFLICT'] },
      { status: 413, codes: ['UPLOAD_TOO_LARGE'] },
      { status: 415, codes: ['UPLOAD_TYPE_NOT_ALLOWED', 'UPLOAD_TYPE_MISMATCH'] },
      ...platformFaults,
    ],
    handler: (ctx, { params }) => service.upload(sessionOf(ctx), params.applicationId, params.materialKey, ctx),
  });
  documentBinaryBody(api, 'uploadMoveMaterial');
  actableUnderGrant(api, 'uploadMoveMaterial', actsOnApplication('上传迁户材料', service));

  api.route({
    operationId: 'submitMoveApplication',
    method: 'post',
    path: '/api/moves/applications/{applicationId}/submit',
    summary:
      '提交申请（或提交补正）：先检查是否齐全（422 列出缺少的内容），经本人同意由各部门提供材料，迁入地受理；带 Idempotency-Key 重试不会重复提交',
    tags,
    auth,
    params: ApplicationParams,
    body: SubmitBody,
    response: ApplicationView,
    errors: [
      { status: 400, codes: ['IDEMPOTENCY_KEY_INVALID'] },
      { status: 404, codes: ['APPLICATION_NOT_FOUND'] },
      { status: 409, codes: ['SUBMISSION_IN_PROGRESS', 'NOT_AWAITING_CORRECTION'] },
      { status: 422, codes: ['APPLICATION_INCOMPLETE', 'NOT_ELIGIBLE', 'NOT_IN_REGISTRY', 'DESTINATION_UNKNOWN'] },
      ...platformFaults,
    ],
    handler: (ctx, { params, body }) => {
      const key = ctx.get('idempotency-key') || undefined;
      if (key && !IDEMPOTENCY_KEY.test(key))
        throw new AppError(400, 'IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key 应为 8-128 位字母、数字或 _:.-');
      return service.submit(sessionOf(ctx), params.applicationId, body, key);
    },
  });
  actableUnderGrant(api, 'submitMoveApplication', actsOnApplication('提交迁户申请', service));
  return service;
}

function itemOfCategory(category: unknown): string | null {
  return typeof category === 'string' && Object.hasOwn(CATEGORY_ITEMS, category)
    ? CATEGORY_ITEMS[category as MoveCategory].itemCode
    : null;
}

/** An operation on one of the resident's applications: its item is looked up as the resident. */
export function actsOnApplication(label: string, service: MoveService) {
  return actsOnLookedUpItem(
    label,
    (ctx: Context) => service.itemCodeOf(sessionOf(ctx), String(ctx.params.applicationId)),
    'applicationId',
  );
}

/** The upload's body is the file itself; the route helper documents JSON bodies only. */
function documentBinaryBody(api: Api, operationId: string): void {
  for (const def of api.registry.definitions) {
    if (def.type !== 'route' || def.route.operationId !== operationId) continue;
    const content = Object.fromEntries(
      Object.keys(UPLOAD_TYPES).map((type) => [type, { schema: { type: 'string' as const, format: 'binary' } }]),
    );
    def.route.request = {
      ...def.route.request,
      body: { required: true, description: `文件内容，不超过 ${MAX_UPLOAD_BYTES} 字节`, content },
    };
  }
}

/** The status-notice job of one BFF process (started by the server with the other jobs). */
export function createMoveNoticeJob(deps: { store: Connection; platform: Platform; logger: Logger }): MoveNoticeJob {
  const models = moveModels(deps.store);
  return new MoveNoticeJob({
    applications: models.applications,
    uploads: models.uploads,
    notices: models.notices,
    cursor: models.cursor,
    accounts: accountModel(deps.store),
    cases: new CasesClient(deps.platform.http),
    platform: deps.platform,
    logger: deps.logger,
  });
}
