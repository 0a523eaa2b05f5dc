// Household registry (户籍): a person's registration, kinship with a relative they want to join,
// and the social-insurance record the employment move needs. Each read names one person.
import { z } from 'zod';
import type { PlatformHttp } from './http';
import { parseAnswer, unexpectedStatus } from './parse';

export const HOUSEHOLD_SERVICE = 'household';

const householdInfo = z.object({
  householdId: z.string(),
  householdNumber: z.string(),
  type: z.string(),
  city: z.string(),
  divisionCode: z.string(),
  address: z.string(),
  policeStation: z.string(),
});

const record = z.object({
  person: z.object({
    personId: z.string(),
    name: z.string(),
    idNumber: z.string(),
    sex: z.string(),
    birthDate: z.string(),
    maritalStatus: z.string(),
    status: z.string(),
  }),
  relationToHead: z.string().nullable(),
  household: householdInfo.extend({ members: z.array(z.object({ name: z.string(), relation: z.string() })) }),
  trustLevel: z.enum(['A', 'B', 'C', 'D']),
  issuer: z.string(),
  checkedAt: z.string(),
});

const kinship = z.object({
  nameMatches: z.boolean(),
  relation: z.enum(['SPOUSE', 'PARENT', 'CHILD', 'NONE']),
  basis: z.enum(['HOUSEHOLD', 'MARRIAGE_REGISTER']).nullable(),
  sameHousehold: z.boolean().optional(),
  relative: z
    .object({ sex: z.string(), birthDate: z.string(), status: z.string(), household: householdInfo })
    .nullable(),
  checkedAt: z.string(),
});

const insurance = z.object({
  city: z.string().nullable(),
  employer: z.string().nullable(),
  continuousMonths: z.number().int(),
  since: z.string().nullable(),
  status: z.enum(['ACTIVE', 'NONE', 'RETIRED']),
  trustLevel: z.enum(['A', 'B', 'C', 'D']),
  issuer: z.string(),
  checkedAt: z.string(),
});

export type HouseholdRecord = z.output<typeof record>;
export type HouseholdInfo = z.output<typeof householdInfo>;
export type Kinship = z.output<typeof kinship>;
export type InsuranceRecord = z.output<typeof insurance>;

const personPath = (idNumber: string) => `/v1/household/persons/${encodeURIComponent(idNumber)}`;

export class HouseholdClient {
  constructor(private readonly http: PlatformHttp) {}

  /** The person's registration; null when the registry has no such person. */
  async recordOf(idNumber: string): Promise<HouseholdRecord | null> {
    const what = 'household record';
    const res = await this.http.request(HOUSEHOLD_SERVICE, { method: 'GET', path: personPath(idNumber) });
    if (res.status === 200) return parseAnswer(HOUSEHOLD_SERVICE, what, record, res.body);
    if (res.status === 404) return null;
    throw unexpectedStatus(HOUSEHOLD_SERVICE, what, res);
  }

  /** A read, though sent as POST (the relative's number stays out of URLs and access logs). */
  async kinship(idNumber: string, relative: { idNumber: string; name: string }): Promise<Kinship | null> {
    const what = 'kinship';
    const res = await this.http.request(HOUSEHOLD_SERVICE, {
      method: 'POST',
      path: '/v1/household/kinship',
      body: { idNumber, relativeIdNumber: relative.idNumber, relativeName: relative.name },
    });
    if (res.status === 200) return parseAnswer(HOUSEHOLD_SERVICE, what, kinship, res.body);
    if (res.status === 404) return null;
    if (res.status === 400)
      return { nameMatches: false, relation: 'NONE', basis: null, relative: null, checkedAt: new Date().toISOString() };
    throw unexpectedStatus(HOUSEHOLD_SERVICE, what, res);
  }

  async insuranceOf(idNumber: string): Promise<InsuranceRecord | null> {
    const what = 'social insurance record';
    const res = await this.http.request(HOUSEHOLD_SERVICE, {
      method: 'GET',
      path: `${personPath(idNumber)}/social-insurance`,
    });
    if (res.status === 200) return parseAnswer(HOUSEHOLD_SERVICE, what, insurance, res.body);
    if (res.status === 404) return null;
    throw unexpectedStatus(HOUSEHOLD_SERVICE, what, res);
  }
}
