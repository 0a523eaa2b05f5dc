// Electronic-licence registry (电子证照库): a holder's licences with their trust levels, and one
// licence for its holder. The single read is also the registry's word on authenticity: it
// answers only for a licence it issued to that person, with its status judged at `checkedAt`.
import { z } from 'zod';
import type { PlatformHttp } from './http';
import { parseAnswer, unexpectedStatus } from './parse';

export const LICENCE_SERVICE = 'licence';

export const LICENCE_TYPES = ['ID_CARD', 'HOUSEHOLD_REGISTER', 'MARRIAGE', 'GRADUATION'] as const;
export type LicenceType = (typeof LICENCE_TYPES)[number];
export type TrustLevel = 'A' | 'B' | 'C' | 'D';

const licence = z.object({
  licenceId: z.string(),
  type: z.enum(LICENCE_TYPES),
  title: z.string(),
  licenceNumber: z.string(),
  holderName: z.string(),
  holderIdNumber: z.string(),
  issuer: z.string(),
  issuedAt: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  trustLevel: z.enum(['A', 'B', 'C', 'D']),
  status: z.enum(['VALID', 'REVOKED']),
  effectiveStatus: z.enum(['VALID', 'EXPIRED', 'REVOKED']),
  data: z.record(z.string(), z.string()).default({}),
  checkedAt: z.string(),
});

export type Licence = z.output<typeof licence>;

const licenceList = z.object({ licences: z.array(licence) });

const holderPath = (idNumber: string) => `/v1/licence/holders/${encodeURIComponent(idNumber)}/licences`;

export class LicenceClient {
  constructor(private readonly http: PlatformHttp) {}

  async licencesOf(idNumber: string, timeoutMs?: number): Promise<Licence[]> {
    const what = 'licences of holder';
    const res = await this.http.request(LICENCE_SERVICE, { method: 'GET', path: holderPath(idNumber), timeoutMs });
    if (res.status === 200) return parseAnswer(LICENCE_SERVICE, what, licenceList, res.body).licences;
    throw unexpectedStatus(LICENCE_SERVICE, what, res);
  }

  /** One licence for its holder; null when it does not exist or belongs to someone else. */
  async licenceFor(idNumber: string, licenceId: string): Promise<Licence | null> {
    const what = 'licence of holder';
    const res = await this.http.request(LICENCE_SERVICE, {
      method: 'GET',
      path: `${holderPath(idNumber)}/${encodeURIComponent(licenceId)}`,
    });
    if (res.status === 200) return parseAnswer(LICENCE_SERVICE, what, licence, res.body);
    if (res.status === 404) return null;
    throw unexpectedStatus(LICENCE_SERVICE, what, res);
  }
}
