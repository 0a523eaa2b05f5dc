import { z } from 'zod';
import type { SandboxModule } from '../../core/deps';
import { defineOperation, json } from '../../core/route';
import { fields } from '../../core/validation';
import { facePage } from './face-page';
import { createIdentityService } from './service';

const person = z.object({ name: fields.name, idNumber: fields.idNumberText });
const tokenParams = z.object({ token: fields.token });
const faceSession = z
  .object({
    token: z.string(),
    status: z.enum(['PENDING', 'PASS', 'FAIL', 'EXPIRED']),
    personId: z.string(),
    name: z.string(),
    idNumber: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .openapi('FaceSession');

export const identityRoutes: SandboxModule = (target, deps) => {
  const identity = createIdentityService(deps);

  defineOperation(
    target,
    {
      method: 'post',
      path: '/v1/identity/verify',
      operationId: 'identityVerify',
      tags: ['identity'],
      summary: 'Match a name and ID number against the population register',
      body: person,
      errors: { 400: 'INVALID_REQUEST, or INVALID_ID_NUMBER (GB 11643 check failed; reason names the rule)' },
      responses: {
        200: json(
          'MATCH with personId, or MISMATCH / NOT_FOUND / CANCELLED',
          z.object({
            result: z.enum(['MATCH', 'MISMATCH', 'NOT_FOUND', 'CANCELLED']),
            personId: z.string().optional(),
          }),
        ),
      },
    },
    async (ctx, { body }) => {
      ctx.body = await identity.verify(body.name, body.idNumber);
    },
  );

  defineOperation(
    target,
    {
      method: 'post',
      path: '/v1/identity/face/sessions',
      operationId: 'identityStartFace',
      tags: ['identity'],
      summary: 'Start a face check for a matching, active person (pending for 10 minutes)',
      body: person,
      errors: { 422: 'IDENTITY_NOT_MATCHED (result gives the reason)' },
      responses: {
        201: json(
          'Session started; open h5Url to perform the check',
          z.object({ token: z.string(), status: z.literal('PENDING'), expiresAt: z.string(), h5Url: z.string() }),
        ),
      },
    },
    async (ctx, { body }) => {
      ctx.status = 201;
      ctx.body = await identity.startFace(body.name, body.idNumber, `${ctx.protocol}://${ctx.host}`);
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/identity/face/sessions/{token}',
      operationId: 'identityGetFace',
      tags: ['identity'],
      summary: 'Read the result of a face check',
      params: tokenParams,
      errors: { 404: 'FACE_SESSION_NOT_FOUND' },
      responses: { 200: json('The session', faceSession) },
    },
    async (ctx, { params }) => {
      ctx.body = await identity.getFace(params.token);
    },
  );

  defineOperation(
    target,
    {
      method: 'post',
      path: '/sandbox/face/{token}/complete',
      operationId: 'sandboxCompleteFace',
      tags: ['sandbox'],
      public: true,
      summary: 'Finish a face check as the face service would (pass or fail)',
      params: tokenParams,
      body: z.object({ result: z.enum(['pass', 'fail']) }),
      errors: { 404: 'FACE_SESSION_NOT_FOUND', 409: 'FACE_SESSION_COMPLETED or FACE_SESSION_EXPIRED' },
      responses: {
        200: json('The finished session', z.object({ token: z.string(), status: z.enum(['PASS', 'FAIL']) })),
      },
    },
    async (ctx, { params, body }) => {
      const session = await identity.completeFace(params.token, body.result);
      ctx.body = { token: session.token, status: session.status, completedAt: session.completedAt };
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/sandbox/face/{token}',
      operationId: 'sandboxFacePage',
      tags: ['sandbox'],
      public: true,
      summary: 'The H5 face-check page with 通过 / 不通过 buttons',
      params: tokenParams,
      errors: { 404: 'FACE_SESSION_NOT_FOUND' },
      responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } },
    },
    async (ctx, { params }) => {
      const session = await identity.getFace(params.token);
      ctx.type = 'text/html; charset=utf-8';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = facePage(session);
    },
  );
};
