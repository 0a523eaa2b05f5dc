// Staff directory: whether a mobile belongs to a member of staff, a supervisor or a guide.
import { z } from 'zod';
import type { CallOptions } from '../core/budget';
import type { PlatformHttp } from './http';
import { parseAnswer, unexpectedStatus } from './parse';

const SERVICE = 'staff';

const staffEntry = z.object({
  staffId: z.string(),
  name: z.string(),
  role: z.enum(['staff', 'supervisor', 'guide']),
  hallId: z.string().nullable().optional(),
  onDuty: z.boolean().optional(),
});

export type StaffEntry = z.output<typeof staffEntry>;

export class StaffClient {
  constructor(private readonly http: PlatformHttp) {}

  async byMobile(mobile: string, call: CallOptions = {}): Promise<StaffEntry | null> {
    const what = 'staff by mobile';
    const res = await this.http.request(SERVICE, {
      method: 'GET',
      path: `/v1/staff/by-mobile/${encodeURIComponent(mobile)}`,
      deadline: call.deadline,
    });
    if (res.status === 200) return parseAnswer(SERVICE, what, staffEntry, res.body);
    if (res.status === 404) return null;
    throw unexpectedStatus(SERVICE, what, res);
  }
}
