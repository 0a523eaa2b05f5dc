// Case handling (`case`): the destination takes an application, the resident submits
// corrections, the BFF follows changes; examiners act through the /sandbox helper (a real
// gateway maps it onto the police examiners' own system).
import { z } from 'zod';
import type { SandboxModule } from '../../core/deps';
import { defineOperation, json } from '../../core/route';
import { fields } from '../../core/validation';
import { CASE_STATUSES, type CaseDoc } from './model';
import { createCaseService } from './service';

const trust = z.enum(['A', 'B', 'C', 'D']);
const material = z
  .object({
    key: z.string().min(1).max(40),
    name: z.string().min(1).max(60),
    source: z.enum(['household', 'realestate', 'licence', 'education', 'social-insurance', 'upload']),
    trustLevel: trust,
    reference: z.string().max(120).nullable().default(null),
    issuer: z.string().max(120).nullable().default(null),
    fetchedAt: z.string().max(40).nullable().default(null),
    fileName: z.string().max(120).nullable().default(null),
    mimeType: z.string().max(60).nullable().default(null),
    size: z.number().int().nonnegative().nullable().default(null),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable()
      .default(null),
  })
  .openapi('CaseMaterial');

const place = z.object({
  city: z.string().min(1).max(30),
  divisionCode: z.string().regex(/^\d{6}$/, '应为 6 位行政区划代码'),
  address: z.string().min(1).max(120),
  policeStation: z.string().min(1).max(60),
  householdNumber: z.string().max(20).nullable().default(null),
});

const newCase = z
  .object({
    externalRef: z.string().regex(/^[A-Za-z0-9_:-]{8,80}$/, '应为 8-80 位字母、数字或 _ : -'),
    itemCode: z.string().regex(/^HJ-QR-[A-Z]{2}$/),
    itemName: z.string().min(1).max(40),
    category: z.string().min(1).max(30),
    timeLimitDays: z.number().int().min(1).max(60),
    applicant: z.object({ idNumber: fields.idNumberText, name: fields.name }),
    origin: place,
    destination: place,
    materials: z.array(material).min(1).max(20),
    consent: z.object({
      at: z.string().max(40),
      services: z.array(z.string().max(30)).max(10),
      statement: z.string().max(300),
    }),
    form: z.record(z.string(), z.unknown()).default({}),
  })
  .openapi('NewCase');

const event = z.object({
  no: z.number().int(),
  type: z.enum(['STATUS', 'MIGRATION_CERT_REQUESTED', 'MIGRATION_CERT_RECEIVED', 'CORRECTION_SUBMITTED']),
  status: z.enum(CASE_STATUSES),
  at: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  actor: z.string(),
  items: z.array(z.object({ materialKey: z.string().nullable(), reason: z.string() })).optional(),
});

const caseView = z
  .object({
    caseId: z.string(),
    externalRef: z.string(),
    itemCode: z.string(),
    itemName: z.string(),
    category: z.string(),
    status: z.enum(CASE_STATUSES),
    timeLimitDays: z.number().int(),
    applicant: z.object({ idNumber: z.string(), name: z.string() }),
    origin: place,
    destination: place,
    crossProvince: z.boolean(),
    materials: z.array(material),
    corrections: z.array(z.object({ materialKey: z.string().nullable(), reason: z.string() })),
    rejectReason: z.string().nullable(),
    migrationCertificate: z.object({ number: z.string(), issuedBy: z.string(), exchangedAt: z.string() }).nullable(),
    movePermitNumber: z.string().nullable(),
    submittedAt: z.string(),
    acceptedAt: z.string().nullable(),
    dueDate: z.string().nullable().openapi({
      description: 'Last day of the time limit (China date), from acceptance; extended by correction time',
    }),
    decidedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
    events: z.array(event),
  })
  .openapi('Case');

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function presentCase(c: CaseDoc) {
  return {
    caseId: c._id,
    externalRef: c.externalRef,
    itemCode: c.itemCode,
    itemName: c.itemName,
    category: c.category,
    status: c.status,
    timeLimitDays: c.timeLimitDays,
    applicant: c.applicant,
    origin: c.origin,
    destination: c.destination,
    crossProvince: c.crossProvince,
    materials: c.materials,
    corrections: c.corrections ?? [],
    rejectReason: c.rejectReason ?? null,
    migrationCertificate: c.migrationCertificate
      ? {
          number: c.migrationCertificate.number,
          issuedBy: c.migrationCertificate.issuedBy,
          exchangedAt: iso(c.migrationCertificate.exchangedAt)!,
        }
      : null,
    movePermitNumber: c.movePermitNumber ?? null,
    submittedAt: iso(c.submittedAt)!,
    acceptedAt: iso(c.acceptedAt),
    dueDate: c.dueDate ?? null,
    decidedAt: iso(c.decidedAt),
    completedAt: iso(c.completedAt),
    updatedAt: iso(c.updatedAt)!,
    version: c.version,
    events: c.events.map((e) => ({
      ...e,
      at: iso(e.at)!,
      detail: e.detail ?? null,
      ...(e.items?.length ? { items: e.items } : { items: undefined }),
    })),
  };
}

const caseParams = z.object({ caseId: z.string().regex(/^QR\d{14}$/, '应为办件编号，例如 QR20261123000001') });

export const caseRoutes: SandboxModule = (target, deps) => {
  const cases = createCaseService(deps);

  defineOperation(
    target,
    {
      method: 'post',
      path: '/v1/case/cases',
      operationId: 'createCase',
      tags: ['case'],
      summary: 'Take an application at the destination (idempotent on externalRef: 201 new, 200 existing)',
      body: newCase,
      responses: {
        201: json('The new case', caseView),
        200: json('The case already taken under this externalRef', caseView),
      },
    },
    async (ctx, { body }) => {
      const result = await cases.create(body);
      ctx.status = result.created ? 201 : 200;
      ctx.body = presentCase(result.case);
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/case/cases/{caseId}',
      operationId: 'getCase',
      tags: ['case'],
      summary: 'One case with its timeline',
      params: caseParams,
      errors: { 404: 'CASE_NOT_FOUND' },
      responses: { 200: json('The case', caseView) },
    },
    async (ctx, { params }) => {
      ctx.body = presentCase(await cases.get(params.caseId));
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/case/persons/{idNumber}/cases',
      operationId: 'casesOfPerson',
      tags: ['case'],
      summary: "An applicant's cases, newest first",
      params: z.object({ idNumber: fields.idNumberText }),
      responses: { 200: json('The cases', z.object({ cases: z.array(caseView) })) },
    },
    async (ctx, { params }) => {
      ctx.body = { cases: (await cases.listForPerson(params.idNumber.trim().toUpperCase())).map(presentCase) };
    },
  );

  defineOperation(
    target,
    {
      method: 'post',
      path: '/v1/case/cases/{caseId}/corrections',
      operationId: 'submitCaseCorrection',
      tags: ['case'],
      summary: "The applicant's corrected materials for a case that needs correction",
      params: caseParams,
      body: z.object({
        idNumber: fields.idNumberText,
        materials: z.array(material).min(1).max(20),
        note: z.string().max(200).optional(),
      }),
      errors: { 404: 'CASE_NOT_FOUND', 409: 'NOT_AWAITING_CORRECTION, or CASE_CHANGED' },
      responses: { 200: json('The case', caseView) },
    },
    async (ctx, { params, body }) => {
      ctx.body = presentCase(
        await cases.submitCorrection(params.caseId, { ...body, idNumber: body.idNumber.trim().toUpperCase() }),
      );
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/case/changes',
      operationId: 'caseChanges',
      tags: ['case'],
      summary: 'Cases changed at or after `since`, oldest change first: a feed for status notifications',
      query: z.object({
        since: z.iso.datetime({ offset: true }),
        limit: z.coerce.number().int().min(1).max(200).default(100),
      }),
      responses: { 200: json('The changed cases', z.object({ cases: z.array(caseView) })) },
    },
    async (ctx, { query }) => {
      ctx.body = { cases: (await cases.changesSince(new Date(query.since), query.limit)).map(presentCase) };
    },
  );

  defineOperation(
    target,
    {
      method: 'post',
      path: '/sandbox/cases/{caseId}/transition',
      operationId: 'sandboxCaseTransition',
      tags: ['sandbox'],
      public: true,
      summary:
        "An examiner's decision: accept | review | request-correction {items} | approve | complete | reject {reason}",
      params: caseParams,
      body: z.object({
        action: z.enum(['accept', 'review', 'request-correction', 'approve', 'complete', 'reject']),
        items: z
          .array(
            z.union([
              z.string().min(1).max(200),
              z.object({
                materialKey: z.string().max(40).nullable().default(null),
                reason: z.string().min(1).max(200),
              }),
            ]),
          )
          .max(20)
          .optional(),
        reason: z.string().max(300).optional(),
        actor: z.string().max(60).optional(),
      }),
      errors: { 404: 'CASE_NOT_FOUND', 409: 'TRANSITION_NOT_ALLOWED, or CASE_CHANGED' },
      responses: { 200: json('The case after the decision', caseView) },
    },
    async (ctx, { params, body }) => {
      const items = body.items?.map((i) => (typeof i === 'string' ? { materialKey: null, reason: i } : i));
      ctx.body = presentCase(await cases.transition(params.caseId, { ...body, items }));
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/sandbox/cases',
      operationId: 'sandboxCases',
      tags: ['sandbox'],
      public: true,
      summary: 'Cases for examiners and demos (newest first, at most 200)',
      query: z.object({ status: z.enum(CASE_STATUSES).optional() }),
      responses: { 200: json('The cases', z.object({ cases: z.array(caseView) })) },
    },
    async (ctx, { query }) => {
      ctx.body = { cases: (await cases.list(query.status)).map(presentCase) };
    },
  );
};
