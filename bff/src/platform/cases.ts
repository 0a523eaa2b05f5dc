// Case handling (办件): the destination takes a move application (idempotent on our application
// id), the resident's corrections, one case, an applicant's cases, and a change feed the status
// notifier follows.
import { z } from 'zod';
import { AppError } from '../core/errors';
import type { PlatformHttp } from './http';
import { parseAnswer, unexpectedStatus } from './parse';

export const CASE_SERVICE = 'case';

export const CASE_STATUSES = [
  'SUBMITTED',
  'ACCEPTED',
  'UNDER_REVIEW',
  'NEEDS_CORRECTION',
  'APPROVED',
  'COMPLETED',
  'REJECTED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** A case in one of these is over: no more examiner steps, no time limit running. */
export const FINISHED_CASE_STATUSES: readonly string[] = ['COMPLETED', 'REJECTED'] satisfies CaseStatus[];

const trust = z.enum(['A', 'B', 'C', 'D']);

export const caseMaterial = z.object({
  key: z.string(),
  name: z.string(),
  source: z.string(),
  trustLevel: trust,
  reference: z.string().nullable(),
  issuer: z.string().nullable(),
  fetchedAt: z.string().nullable(),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  size: z.number().nullable(),
  sha256: z.string().nullable(),
});
export type CaseMaterial = z.output<typeof caseMaterial>;

const place = z.object({
  city: z.string(),
  divisionCode: z.string(),
  address: z.string(),
  policeStation: z.string(),
  householdNumber: z.string().nullable(),
});
export type Place = z.output<typeof place>;

const correction = z.object({ materialKey: z.string().nullable(), reason: z.string() });

const platformCase = z.object({
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
  materials: z.array(caseMaterial),
  corrections: z.array(correction),
  rejectReason: z.string().nullable(),
  migrationCertificate: z.object({ number: z.string(), issuedBy: z.string(), exchangedAt: z.string() }).nullable(),
  movePermitNumber: z.string().nullable(),
  submittedAt: z.string(),
  acceptedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  decidedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  events: z.array(
    z.object({
      no: z.number().int(),
      type: z.string(),
      status: z.enum(CASE_STATUSES),
      at: z.string(),
      title: z.string(),
      detail: z.string().nullable(),
      actor: z.string(),
      items: z.array(correction).optional(),
    }),
  ),
});
export type PlatformCase = z.output<typeof platformCase>;

export interface NewCase {
  externalRef: string;
  itemCode: string;
  itemName: string;
  category: string;
  timeLimitDays: number;
  applicant: { idNumber: string; name: string };
  origin: Place;
  destination: Place;
  materials: CaseMaterial[];
  consent: { at: string; services: string[]; statement: string };
  form: Record<string, unknown>;
}

const caseList = z.object({ cases: z.array(platformCase) });

export class CasesClient {
  constructor(private readonly http: PlatformHttp) {}

  /** Safe to repeat: the same externalRef gives back the case already taken. */
  async create(input: NewCase): Promise<PlatformCase> {
    const what = 'create case';
    const res = await this.http.request(CASE_SERVICE, { method: 'POST', path: '/v1/case/cases', body: input });
    if (res.status === 201 || res.status === 200) return parseAnswer(CASE_SERVICE, what, platformCase, res.body);
    throw unexpectedStatus(CASE_SERVICE, what, res);
  }

  async get(caseId: string): Promise<PlatformCase | null> {
    const what = 'case';
    const res = await this.http.request(CASE_SERVICE, {
      method: 'GET',
      path: `/v1/case/cases/${encodeURIComponent(caseId)}`,
    });
    if (res.status === 200) return parseAnswer(CASE_SERVICE, what, platformCase, res.body);
    if (res.status === 404) return null;
    throw unexpectedStatus(CASE_SERVICE, what, res);
  }

  async casesOf(idNumber: string): Promise<PlatformCase[]> {
    const what = 'cases of person';
    const res = await this.http.request(CASE_SERVICE, {
      method: 'GET',
      path: `/v1/case/persons/${encodeURIComponent(idNumber)}/cases`,
    });
    if (res.status === 200) return parseAnswer(CASE_SERVICE, what, caseList, res.body).cases;
    throw unexpectedStatus(CASE_SERVICE, what, res);
  }

  async submitCorrection(
    caseId: string,
    idNumber: string,
    materials: CaseMaterial[],
    note?: string,
  ): Promise<PlatformCase> {
    const what = 'case correction';
    const res = await this.http.request(CASE_SERVICE, {
      method: 'POST',
      path: `/v1/case/cases/${encodeURIComponent(caseId)}/corrections`,
      body: { idNumber, materials, ...(note ? { note } : {}) },
    });
    if (res.status === 200) return parseAnswer(CASE_SERVICE, what, platformCase, res.body);
    if (res.status === 409)
      throw new AppError(409, 'NOT_AWAITING_CORRECTION', '该申请当前不需要补正，请刷新查看最新进度');
    throw unexpectedStatus(CASE_SERVICE, what, res);
  }

  async changesSince(since: Date, limit = 100): Promise<PlatformCase[]> {
    const what = 'case changes';
    const res = await this.http.request(CASE_SERVICE, {
      method: 'GET',
      path: '/v1/case/changes',
      query: { since: since.toISOString(), limit: String(limit) },
    });
    if (res.status === 200) return parseAnswer(CASE_SERVICE, what, caseList, res.body).cases;
    throw unexpectedStatus(CASE_SERVICE, what, res);
  }
}
