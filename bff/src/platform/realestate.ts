// Real-estate registry (不动产登记): a holder's titles, and one title for one of its obligees.
// The registry itself refuses (404) a title the named person holds no right in, so the BFF never
// has to fetch someone else's title to decide it may not show it.
import { z } from 'zod';
import type { PlatformHttp } from './http';
import { parseAnswer, unexpectedStatus } from './parse';

export const REALESTATE_SERVICE = 'realestate';

export const TITLE_STATUSES = ['NORMAL', 'MORTGAGED', 'SEALED', 'OBJECTION'] as const;
export type TitleStatus = (typeof TITLE_STATUSES)[number];

const obligee = z.object({ name: z.string(), idNumber: z.string(), share: z.string().nullable().optional() });

const title = z.object({
  titleId: z.string(),
  certificateNumber: z.string(),
  unitNumber: z.string(),
  city: z.string().optional(),
  issuer: z.string(),
  obligees: z.array(obligee).min(1),
  coOwnership: z.string(),
  location: z.string(),
  rightType: z.string(),
  use: z.string(),
  area: z.number(),
  landArea: z.number().optional(),
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
    .nullable()
    .optional(),
  seal: z
    .object({ authority: z.string(), caseNumber: z.string(), from: z.string(), to: z.string() })
    .nullable()
    .optional(),
  objection: z.object({ applicant: z.string(), registeredAt: z.string() }).nullable().optional(),
  trustLevel: z.enum(['A', 'B', 'C', 'D']).default('A'),
});

export type Title = z.output<typeof title>;

const titleList = z.object({ titles: z.array(title) });

const holderPath = (idNumber: string) => `/v1/realestate/holders/${encodeURIComponent(idNumber)}/titles`;

export class RealEstateClient {
  constructor(private readonly http: PlatformHttp) {}

  async titlesOf(idNumber: string, timeoutMs?: number): Promise<Title[]> {
    const what = 'titles of holder';
    const res = await this.http.request(REALESTATE_SERVICE, { method: 'GET', path: holderPath(idNumber), timeoutMs });
    if (res.status === 200) return parseAnswer(REALESTATE_SERVICE, what, titleList, res.body).titles;
    throw unexpectedStatus(REALESTATE_SERVICE, what, res);
  }

  /** One title for one of its obligees; null when it does not exist or the person holds no right in it. */
  async titleFor(idNumber: string, titleId: string): Promise<Title | null> {
    const what = 'title of holder';
    const res = await this.http.request(REALESTATE_SERVICE, {
      method: 'GET',
      path: `${holderPath(idNumber)}/${encodeURIComponent(titleId)}`,
    });
    if (res.status === 200) return parseAnswer(REALESTATE_SERVICE, what, title, res.body);
    if (res.status === 404) return null;
    throw unexpectedStatus(REALESTATE_SERVICE, what, res);
  }
}
