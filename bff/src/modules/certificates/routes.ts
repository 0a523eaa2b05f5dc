// Certificate operations: the resident's own certificates, show codes, verification by a third
// party, and the access record. Verifying parties need only to be logged in (a bank clerk or a
// landlord has an account but no reason to be the holder); their attempts are rate limited and
// recorded under their account, so the holder sees who checked.
import { sessionOf } from '../../core/auth';
import type { Api } from '../../core/openapi';
import {
  AccessQuery,
  AccessRecords,
  CertificateDetail,
  CertificateList,
  CertificateParams,
  CreateShowCodeBody,
  GetCertificateQuery,
  ShowCode,
  ShowCodeVerification,
  VerifyShowCodeBody,
} from './schema';
import type { CertificateService } from './service';

const tags = ['证照查询与亮证'];
const platformFaults = [
  { status: 502, codes: ['PLATFORM_BAD_GATEWAY'] },
  { status: 503, codes: ['PLATFORM_UNAVAILABLE'] },
  { status: 504, codes: ['PLATFORM_TIMEOUT'] },
];

export function registerCertificateRoutes(api: Api, certificates: CertificateService): void {
  api.route({
    operationId: 'listCertificates',
    method: 'get',
    path: '/api/certificates',
    summary: '我的证照（不动产权证书与电子证照，一次查询；某一登记系统不可用时其余照常返回并说明缺少的部分）',
    tags,
    auth: { level: 'REAL_NAME' },
    response: CertificateList,
    errors: platformFaults,
    handler: (ctx) => certificates.list(sessionOf(ctx), ctx.state.requestId),
  });

  api.route({
    operationId: 'listCertificateAccess',
    method: 'get',
    path: '/api/certificate-access',
    summary: '谁查看过我的证照（访问记录，最新在前）',
    tags,
    auth: { level: 'REAL_NAME' },
    query: AccessQuery,
    response: AccessRecords,
    handler: (ctx, { query }) => certificates.accessRecords(sessionOf(ctx), query),
  });

  api.route({
    operationId: 'getCertificate',
    method: 'get',
    path: '/api/certificates/{certificateId}',
    summary: '证照详情（仅权利人 / 持证人；默认脱敏，reveal=true 需人脸核验）',
    tags,
    auth: { level: 'REAL_NAME' },
    params: CertificateParams,
    query: GetCertificateQuery,
    response: CertificateDetail,
    errors: [{ status: 404, codes: ['CERTIFICATE_NOT_FOUND'] }, ...platformFaults],
    handler: (ctx, { params, query }) =>
      certificates.get(sessionOf(ctx), params.certificateId, query.reveal, ctx.state.requestId),
  });

  api.route({
    operationId: 'createShowCode',
    method: 'post',
    path: '/api/certificates/{certificateId}/show-codes',
    summary: '亮证：生成一次性亮证码（300 秒有效，附 6 位核验码；需刚完成人脸核验）',
    tags,
    auth: { level: 'FACE_CHECKED' },
    params: CertificateParams,
    body: CreateShowCodeBody,
    response: ShowCode,
    successStatus: 201,
    errors: [
      { status: 404, codes: ['CERTIFICATE_NOT_FOUND'] },
      { status: 503, codes: ['SHOW_CODE_BUSY'] },
      ...platformFaults,
    ],
    handler: (ctx, { params }) =>
      certificates.createShowCode(sessionOf(ctx), params.certificateId, ctx.state.requestId),
  });

  api.route({
    operationId: 'verifyShowCode',
    method: 'post',
    path: '/api/show-code-verifications',
    summary: '核验亮证码（扫码内容或 6 位核验码）：返回脱敏的关键信息、可信等级和真实性；每个码只能使用一次',
    tags,
    auth: {},
    body: VerifyShowCodeBody,
    response: ShowCodeVerification,
    errors: [
      { status: 404, codes: ['SHOW_CODE_NOT_FOUND'] },
      { status: 409, codes: ['SHOW_CODE_USED'] },
      { status: 410, codes: ['SHOW_CODE_EXPIRED'] },
      { status: 429, codes: ['SHOW_CODE_RATE_LIMITED'] },
      ...platformFaults,
    ],
    handler: (ctx, { body }) => certificates.verify(sessionOf(ctx), body, ctx.ip, ctx.state.requestId),
  });
}
