// Social-insurance contribution records (社会保险缴费记录), as the social-insurance service would
// answer a consented look-up. SIMPLIFICATION: there is no seeded insurance collection; the demo
// people have fixed records below and everyone else gets a deterministic record derived from
// their ID number (same person, same answer), so the employment move can be exercised.
import { createHash } from 'node:crypto';
import type { ResidentRecord } from '../../seed/types';
import { ageOn, REFERENCE_DATE } from '../../seed/dates';

export interface InsuranceRecord {
  /** City of the current contributions, e.g. 广州市; null when not insured. */
  city: string | null;
  employer: string | null;
  /** Continuous months of contributions in that city up to the reference day. */
  continuousMonths: number;
  since: string | null;
  status: 'ACTIVE' | 'NONE' | 'RETIRED';
}

const PERSONA_RECORDS: Readonly<Record<string, InsuranceRecord>> = {
  P9000001: {
    city: '广州市',
    employer: '广州天河软件园管理有限公司',
    continuousMonths: 120,
    since: '2016-09',
    status: 'ACTIVE',
  },
  P9000002: {
    city: '深圳市',
    employer: '深圳南山科技有限公司',
    continuousMonths: 30,
    since: '2024-03',
    status: 'ACTIVE',
  },
  P9000003: {
    city: '深圳市',
    employer: '深圳福田金融服务有限公司',
    continuousMonths: 62,
    since: '2021-07',
    status: 'ACTIVE',
  },
  P9000004: {
    city: '成都市',
    employer: '成都武侯电子科技有限公司',
    continuousMonths: 40,
    since: '2023-05',
    status: 'ACTIVE',
  },
  P9000005: {
    city: '成都市',
    employer: '成都高新区教育培训中心',
    continuousMonths: 24,
    since: '2024-09',
    status: 'ACTIVE',
  },
  P9000006: { city: null, employer: null, continuousMonths: 0, since: null, status: 'RETIRED' },
  P9000007: { city: null, employer: null, continuousMonths: 0, since: null, status: 'NONE' },
  // Registered in Beijing, working in Guangzhou: the employment move's demo case.
  P9000008: {
    city: '广州市',
    employer: '广州越秀物流有限公司',
    continuousMonths: 72,
    since: '2020-09',
    status: 'ACTIVE',
  },
};

export function insuranceRecordOf(person: ResidentRecord): InsuranceRecord {
  const fixed = PERSONA_RECORDS[person._id];
  if (fixed) return fixed;
  const age = ageOn(person.birthDate, REFERENCE_DATE);
  if (age < 18) return { city: null, employer: null, continuousMonths: 0, since: null, status: 'NONE' };
  if (age >= 60) return { city: null, employer: null, continuousMonths: 0, since: null, status: 'RETIRED' };
  const digest = createHash('sha256').update(`insurance:${person.idNumber}`).digest();
  if (digest[0] % 5 === 0) return { city: null, employer: null, continuousMonths: 0, since: null, status: 'NONE' };
  const months = Math.min((age - 18) * 12, 1 + (digest.readUInt16BE(1) % 120));
  const [y, mo] = REFERENCE_DATE.split('-').map(Number);
  const start = new Date(Date.UTC(y, mo - 1 - months, 1));
  return {
    city: person.city,
    employer: `${person.city.replace(/市$/, '')}${['商贸', '制造', '科技', '物流', '餐饮'][digest[3] % 5]}有限公司`,
    continuousMonths: months,
    since: start.toISOString().slice(0, 7),
    status: 'ACTIVE',
  };
}
