// The service halls' opening plan: which dates a hall opens, and with which hours. Holidays and
// make-up working days (调休) come from the one national working-day calendar in
// bff/src/rules/working-days.ts (see its SIMPLIFICATION note); the halls add their weekly
// hours. No local holidays, no half days, no hall-specific closures.
import { holidayName, isMakeupWorkingDay } from '../../../../src/rules/working-days';
import type { OpeningHours } from '../../seed/types';

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
  const holiday = holidayName(date);
  if (holiday) return { date, open: false, note: `${holiday}假期`, hours: [] };
  const makeup = isMakeupWorkingDay(date);
  const weekday = makeup ? 1 : isoWeekday(date);
  const hours = openingHours
    .filter((h) => h.weekdays.includes(weekday))
    .map((h) => ({ open: h.open, close: h.close }))
    .sort((a, b) => a.open.localeCompare(b.open));
  if (hours.length === 0) return { date, open: false, note: weekday >= 6 ? '周末休息' : '不办公', hours };
  return { date, open: true, note: makeup ? '调休工作日' : null, hours };
}
