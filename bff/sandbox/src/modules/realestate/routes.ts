// Real-estate registry (`realestate`): a holder's titles, one title for a holder (by title id or
// certificate number), its co-owners; and the sandbox helper that moves a title's status.
import { z } from 'zod';
import type { SandboxModule } from '../../core/deps';
import { defineOperation, json } from '../../core/route';
import { fields } from '../../core/validation';
import { createRealEstateService } from './service';

const TITLE_STATUSES = ['NORMAL', 'MORTGAGED', 'SEALED', 'OBJECTION'] as const;

const obligee = z.object({ name: z.string(), idNumber: z.string(), share: z.string().nullable() });
const title = z
  .object({
    titleId: z.string(),
    certificateNumber: z.string().openapi({ example: '粤(2019)广州市不动产权第0356721号' }),
    unitNumber: z.string().openapi({ description: '不动产单元号, 28 characters' }),
    city: z.string(),
    issuer: z.string(),
    obligees: z.array(obligee),
    coOwnership: z.enum(['单独所有', '共同共有', '按份共有']),
    location: z.string(),
    rightType: z.string(),
    use: z.string(),
    area: z.number(),
    landArea: z.number(),
    term: z.object({ from: z.string(), to: z.string() }),
    registeredAt: z.string(),
    status: z.enum(TITLE_STATUSES),
    mortgage: z
      .object({
        mortgagee: z.string(),
        amountYuan: z.number(),
        from: z.string(),
        to: z.string(),
        proofNumber: z.string(),
      })
      .nullable(),
    seal: z.object({ authority: z.string(), caseNumber: z.string(), from: z.string(), to: z.string() }).nullable(),
    objection: z.object({ applicant: z.string(), registeredAt: z.string() }).nullable(),
    trustLevel: z.enum(['A', 'B', 'C', 'D']),
  })
  .openapi('RealEstateTitle');

const holderParams = z.object({ idNumber: fields.idNumberText });
const titleParams = z.object({
  idNumber: fields.idNumberText,
  ref: z.string().trim().min(1, '不能为空').max(64, '过长'),
});

export const realEstateRoutes: SandboxModule = (target, deps) => {
  const registry = createRealEstateService(deps);

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/realestate/holders/{idNumber}/titles',
      operationId: 'realEstateTitlesOfHolder',
      tags: ['realestate'],
      summary: 'Every title the person with this ID number is an obligee (权利人) of',
      params: holderParams,
      errors: { 400: 'INVALID_REQUEST, or INVALID_ID_NUMBER' },
      responses: {
        200: json(
          'The titles (possibly none) and the registry time of the answer',
          z.object({ titles: z.array(title), checkedAt: z.string() }),
        ),
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
      path: '/v1/realestate/holders/{idNumber}/titles/{ref}',
      operationId: 'realEstateTitleOfHolder',
      tags: ['realestate'],
      summary: 'One title, by title id (T0000001) or certificate number, only if this person is an obligee',
      params: titleParams,
      errors: {
        400: 'INVALID_REQUEST, or INVALID_ID_NUMBER',
        404: 'TITLE_NOT_FOUND (also when the title exists but this person holds no right in it)',
      },
      responses: { 200: json('The title', title) },
    },
    async (ctx, { params }) => {
      ctx.body = await registry.getForHolder(params.idNumber, params.ref);
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/realestate/holders/{idNumber}/titles/{ref}/co-owners',
      operationId: 'realEstateCoOwners',
      tags: ['realestate'],
      summary: 'The obligees of a title and how it is co-owned (共有情况), for one of its obligees',
      params: titleParams,
      errors: { 400: 'INVALID_REQUEST, or INVALID_ID_NUMBER', 404: 'TITLE_NOT_FOUND' },
      responses: {
        200: json(
          'Co-ownership',
          z.object({ titleId: z.string(), coOwnership: z.string(), obligees: z.array(obligee) }),
        ),
      },
    },
    async (ctx, { params }) => {
      ctx.body = await registry.coOwners(params.idNumber, params.ref);
    },
  );

  defineOperation(
    target,
    {
      method: 'post',
      path: '/sandbox/realestate/titles/{ref}/status',
      operationId: 'sandboxSetTitleStatus',
      tags: ['sandbox'],
      public: true,
      summary: 'Move a title to NORMAL, MORTGAGED, SEALED or OBJECTION (details get defaults when omitted)',
      params: z.object({ ref: z.string().trim().min(1).max(64) }),
      body: z
        .object({
          status: z.enum(TITLE_STATUSES),
          mortgagee: z.string().min(1).max(60).optional(),
          amountYuan: z.number().positive().max(1e10).optional(),
          authority: z.string().min(1).max(60).optional(),
          caseNumber: z.string().min(1).max(60).optional(),
          applicant: z.string().min(1).max(60).optional(),
        })
        .strict(),
      errors: { 404: 'TITLE_NOT_FOUND' },
      responses: { 200: json('The title after the change', title) },
    },
    async (ctx, { params, body }) => {
      ctx.body = await registry.setStatus(params.ref, body);
    },
  );
};
