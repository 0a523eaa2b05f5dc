// Real-name verification and face-check operations.
import { callOptions } from '../../core/budget';
import { sessionOf } from '../../core/auth';
import type { Api } from '../../core/openapi';
import { PLATFORM_FAULT_ERRORS } from '../../platform/errors';
import {
  FaceCheckParams,
  FaceCheckStarted,
  FaceCheckState,
  StartFaceCheckBody,
  VerifyIdentityBody,
  VerifyIdentityResult,
} from './schema';
import type { IdentityService } from './service';

const tags = ['实名与人脸核验'];

export function registerIdentityRoutes(api: Api, identity: IdentityService): void {
  api.route({
    operationId: 'verifyIdentity',
    method: 'post',
    path: '/api/identity/real-name',
    summary: '实名认证（姓名 + 身份证号）',
    tags,
    auth: {},
    body: VerifyIdentityBody,
    response: VerifyIdentityResult,
    errors: [
      { status: 400, codes: ['ID_NUMBER_INVALID'] },
      { status: 409, codes: ['ID_NUMBER_BOUND_ELSEWHERE', 'ACCOUNT_ALREADY_VERIFIED'] },
      { status: 422, codes: ['IDENTITY_MISMATCH', 'IDENTITY_NOT_FOUND', 'IDENTITY_CANCELLED'] },
      { status: 429, codes: ['IDENTITY_ATTEMPTS_EXCEEDED'] },
      ...PLATFORM_FAULT_ERRORS,
    ],
    handler: (ctx, { body }) => identity.verifyIdentity(sessionOf(ctx), body, callOptions(ctx)),
  });

  api.route({
    operationId: 'startFaceCheck',
    method: 'post',
    path: '/api/identity/face-checks',
    summary: '发起人脸核验（需已实名）',
    tags,
    auth: { level: 'REAL_NAME' },
    body: StartFaceCheckBody,
    response: FaceCheckStarted,
    errors: [
      { status: 422, codes: ['IDENTITY_NOT_MATCHED'] },
      { status: 429, codes: ['FACE_CHECK_RATE_LIMITED'] },
      ...PLATFORM_FAULT_ERRORS,
    ],
    handler: (ctx) => identity.startFaceCheck(sessionOf(ctx), callOptions(ctx)),
  });

  api.route({
    operationId: 'getFaceCheck',
    method: 'get',
    path: '/api/identity/face-checks/{faceCheckId}',
    summary: '查询人脸核验结果（通过时首次查询返回新令牌）',
    tags,
    auth: { level: 'REAL_NAME' },
    params: FaceCheckParams,
    response: FaceCheckState,
    errors: [{ status: 404, codes: ['FACE_CHECK_NOT_FOUND'] }, ...PLATFORM_FAULT_ERRORS],
    handler: (ctx, { params }) => identity.getFaceCheck(sessionOf(ctx), params.faceCheckId, callOptions(ctx)),
  });
}
