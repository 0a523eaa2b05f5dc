// The staff directory as a list (who works in a hall, who is on duty): for assigning queries to
// colleagues and the automatic round-robin. Finding one person by mobile stays in staff.ts.
import { z } from 'zod';
import type { CallOptions } from '../core/budget';
import type { PlatformHttp } from './http';
import { parseAnswer, unexpectedStatus } from './parse';

const SERVICE = 'staff';

const member = z.object({
  staffId: z.string(),
  name: z.string(),
  role: z.enum(['staff', 'supervisor', 'guide']),
  hallId: z.string().nullable(),
  onDuty: z.boolean(),
});
export type RosterMember = z.output<typeof member>;

export class StaffRosterClient {
  constructor(private readonly http: PlatformHttp) {}

  /** Members ordered by staffId (a stable order is what makes round-robin fair). */
  async list(filter: { role?: string; hallId?: string; onDuty?: boolean }, call: CallOptions = {}) {
    const what = 'staff list';
    const res = await this.http.request(SERVICE, {
      method: 'GET',
      path: '/v1/staff',
      query: {
        role: filter.role,
        hallId: filter.hallId,
        onDuty: filter.onDuty === undefined ? undefined : String(filter.onDuty),
      },
      deadline: call.deadline,
    });
    if (res.status !== 200) throw unexpectedStatus(SERVICE, what, res);
    return parseAnswer(SERVICE, what, z.object({ staff: z.array(member) }), res.body).staff;
  }
}
