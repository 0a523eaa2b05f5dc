// Electronic-licence registry (`licence`): a holder's licences, and one licence for its holder.
import { z } from 'zod';
import type { SandboxModule } from '../../core/deps';
import { defineOperation, json } from '../../core/route';
import { fields } from '../../core/validation';
import { createLicenceService } from './service';

const licence = z
  .object({
    licenceId: z.string(),
    type: z.enum(['ID_CARD', 'HOUSEHOLD_REGISTER', 'MARRIAGE', 'GRADUATION']),
    title: z.string().openapi({ example: '结婚证' }),
    licenceNumber: z.string(),
    holderName: z.string(),
    holderIdNumber: z.string(),
    issuer: z.string(),
    issuedAt: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable().openapi({ description: 'null: valid for the long term (长期)' }),
    trustLevel: z.enum(['A', 'B', 'C', 'D']),
    status: z.enum(['VALID', 'REVOKED']),
    effectiveStatus: z
      .enum(['VALID', 'EXPIRED', 'REVOKED'])
      .openapi({ description: 'status judged on the registry clock at checkedAt' }),
    data: z
      .record(z.string(), z.string())
      .openapi({ description: 'Type-specific fields (e.g. spouseName, address, university)' }),
    checkedAt: z.string(),
  })
  .openapi('ElectronicLicence');

const holderParams = z.object({ idNumber: fields.idNumberText });

export const licenceRoutes: SandboxModule = (target, deps) => {
  const registry = createLicenceService(deps);

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/licence/holders/{idNumber}/licences',
      operationId: 'licencesOfHolder',
      tags: ['licence'],
      summary: 'Every electronic licence held by the person with this ID number, with trust levels',
      params: holderParams,
      errors: { 400: 'INVALID_REQUEST, or INVALID_ID_NUMBER' },
      responses: {
        200: json('The licences (possibly none)', z.object({ licences: z.array(licence), checkedAt: z.string() })),
      },
    },
    async (ctx, { params }) => {
      ctx.body = await registry.listForHolder(params.idNumber);
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/licence/holders/{idNumber}/licences/{licenceId}',
      operationId: 'licenceOfHolder',
      tags: ['licence'],
      summary: "One licence, only for its holder; the answer is the registry's word on its authenticity and status",
      params: holderParams.extend({ licenceId: z.string().regex(/^L\d{8}$/, '应为证照编号，例如 L00000001') }),
      errors: {
        400: 'INVALID_REQUEST, or INVALID_ID_NUMBER',
        404: 'LICENCE_NOT_FOUND (also when it belongs to someone else)',
      },
      responses: { 200: json('The licence', licence) },
    },
    async (ctx, { params }) => {
      ctx.body = await registry.getForHolder(params.idNumber, params.licenceId);
    },
  );
};
