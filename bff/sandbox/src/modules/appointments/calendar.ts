// The working-day calendar of the service halls: which dates a hall opens, and with which
// hours. SIMPLIFICATION (one place for a city to change): weekends plus the national public
// holidays and make-up working days (调休) below; no local holidays, no half days, no
// hall-specific closures. 2026 follows the State Council's published schedule. The 2027
// schedule was not yet published when this table was written: it lists the statutory holiday
// days only (no bridging days, no make-up days) and must be replaced when it is published.
import type { OpeningHours } from '../../seed/types';

/** Public holidays: the hall is closed whatever its weekly hours say. */
export const PUBLIC_HOLIDAYS: Readonly<Record<string, string>> = {
  // 2026 (国务院办公厅 2026 年部分节假日安排)
  '2026-01-01': '元旦',
  '2026-01-02': '元旦',
  '2026-01-03': '元旦',
  '2026-02-15': '春节',
  '2026-02-16': '春节',
  '2026-02-17': '春节',
  '2026-02-18': '春节',
  '2026-02-19': '春节',
  '2026-02-20': '春节',
  '2026-02-21': '春节',
  '2026-02-22': '春节',
  '2026-02-23': '春节',
  '2026-04-04': '清明节',
  '2026-04-05': '清明节',
  '2026-04-06': '清明节',
  '2026-05-01': '劳动节',
  '2026-05-02': '劳动节',
  '2026-05-03': '劳动节',
  '2026-05-04': '劳动节',
  '2026-05-05': '劳动节',
  '2026-06-19': '端午节',
  '2026-06-20': '端午节',
  '2026-06-21': '端午节',
  '2026-09-25': '中秋节',
  '2026-09-26': '中秋节',
  '2026-09-27': '中秋节',
  '2026-10-01': '国庆节',
  '2026-10-02': '国庆节',
  '2026-10-03': '国庆节',
  '2026-10-04': '国庆节',
  '2026-10-05': '国庆节',
  '2026-10-06': '国庆节',
  '2026-10-07': '国庆节',
  // 2027: statutory days only (provisional, see above)
  '2027-01-01': '元旦',
  '2027-02-05': '春节',
  '2027-02-06': '春节',
  '2027-02-07': '春节',
  '2027-02-08': '春节',
  '2027-04-05': '清明节',
  '2027-05-01': '劳动节',
  '2027-05-02': '劳动节',
  '2027-06-09': '端午节',
  '2027-09-15': '中秋节',
  '2027-10-01': '国庆节',
  '2027-10-02': '国庆节',
  '2027-10-03': '国庆节',
};

/** Weekend days that are working days (调休): halls open with their Monday hours. */
export const MAKEUP_WORKING_DAYS: ReadonlySet<string> = new Set([
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
]);

/** ISO weekday (1 = Monday .. 7 = Sunday) of a 'YYYY-MM-DD' calendar date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export interface DayPlan {
  date: string;
  open: boolean;
  /** Why a day is closed, or that it is a make-up working day. */
  note: string | null;
  hours: { open: string; close: string }[];
}

/** The opening plan of one hall on one date. */
export function planDay(date: string, openingHours: readonly OpeningHours[]): DayPlan {
  const holiday = PUBLIC_HOLIDAYS[date];
  if (holiday) return { date, open: false, note: `${holiday}假期`, hours: [] };
  const makeup = MAKEUP_WORKING_DAYS.has(date);
  const weekday = makeup ? 1 : isoWeekday(date);
  const hours = openingHours
    .filter((h) => h.weekdays.includes(weekday))
    .map((h) => ({ open: h.open, close: h.close }))
    .sort((a, b) => a.open.localeCompare(b.open));
  if (hours.length === 0) return { date, open: false, note: weekday >= 6 ? '周末休息' : '不办公', hours };
  return { date, open: true, note: makeup ? '调休工作日' : null, hours };
}
