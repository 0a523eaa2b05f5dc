// Household registry (`household`): registration records, kinship checks, and the social-insurance
// record the employment move needs (kept here until a social-insurance service exists).
import { z } from 'zod';
import type { SandboxModule } from '../../core/deps';
import { defineOperation, json } from '../../core/route';
import { fields } from '../../core/validation';
import { createHouseholdService } from './service';

const householdInfo = z.object({
  householdId: z.string(),
  householdNumber: z.string(),
  type: z.string(),
  city: z.string(),
  divisionCode: z.string(),
  address: z.string(),
  policeStation: z.string(),
});

const record = z
  .object({
    person: z.object({
      personId: z.string(),
      name: z.string(),
      idNumber: z.string(),
      sex: z.string(),
      birthDate: z.string(),
      ethnicity: z.string(),
      maritalStatus: z.string(),
      status: z.string(),
      cancelReason: z.string().nullable(),
    }),
    relationToHead: z.string().nullable(),
    household: householdInfo.extend({ members: z.array(z.object({ name: z.string(), relation: z.string() })) }),
    trustLevel: z.literal('A'),
    issuer: z.string(),
    checkedAt: z.string(),
  })
  .openapi('HouseholdRecord');

const kinship = z
  .object({
    nameMatches: z.boolean(),
    relation: z
      .enum(['SPOUSE', 'PARENT', 'CHILD', 'NONE'])
      .openapi({ description: 'What the relative is to the applicant' }),
    basis: z.enum(['HOUSEHOLD', 'MARRIAGE_REGISTER']).nullable(),
    sameHousehold: z.boolean().optional(),
    relative: z
      .object({ sex: z.string(), birthDate: z.string(), status: z.string(), household: householdInfo })
      .nullable(),
    trustLevel: z.literal('A').optional(),
    checkedAt: z.string(),
  })
  .openapi('Kinship');

const insurance = z
  .object({
    name: z.string(),
    city: z.string().nullable(),
    employer: z.string().nullable(),
    continuousMonths: z.number().int(),
    since: z.string().nullable(),
    status: z.enum(['ACTIVE', 'NONE', 'RETIRED']),
    trustLevel: z.literal('A'),
    issuer: z.string(),
    checkedAt: z.string(),
  })
  .openapi('InsuranceRecord');

const personParams = z.object({ idNumber: fields.idNumberText });

export const householdRoutes: SandboxModule = (target, deps) => {
  const registry = createHouseholdService(deps);

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/household/persons/{idNumber}',
      operationId: 'householdRecord',
      tags: ['household'],
      summary: "A person's household registration with the household and its members",
      params: personParams,
      errors: { 400: 'INVALID_REQUEST, or INVALID_ID_NUMBER', 404: 'PERSON_NOT_FOUND' },
      responses: { 200: json('The record', record) },
    },
    async (ctx, { params }) => {
      ctx.body = await registry.record(params.idNumber);
    },
  );

  defineOperation(
    target,
    {
      method: 'post',
      path: '/v1/household/kinship',
      operationId: 'householdKinship',
      tags: ['household'],
      summary: 'What the named relative is to the applicant (spouse, parent, child), and their household',
      body: z.object({
        idNumber: fields.idNumberText,
        relativeIdNumber: fields.idNumberText,
        relativeName: fields.name,
      }),
      errors: { 400: 'INVALID_REQUEST, or INVALID_ID_NUMBER', 404: 'PERSON_NOT_FOUND (the applicant)' },
      responses: { 200: json('The kinship', kinship) },
    },
    async (ctx, { body }) => {
      ctx.body = await registry.kinship(body);
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/household/persons/{idNumber}/social-insurance',
      operationId: 'socialInsuranceRecord',
      tags: ['household'],
      summary: "A person's social-insurance contribution record (continuous months in the current city)",
      params: personParams,
      errors: { 400: 'INVALID_REQUEST, or INVALID_ID_NUMBER', 404: 'PERSON_NOT_FOUND' },
      responses: { 200: json('The record', insurance) },
    },
    async (ctx, { params }) => {
      ctx.body = await registry.insurance(params.idNumber);
    },
  );
};
