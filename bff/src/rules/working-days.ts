// The working-day calendar for statutory time limits (承诺时限, counted in working days).
// SIMPLIFICATION (one place for a city to change): weekends plus the national public holidays
// and make-up working days (调休) below; no local holidays. 2026 follows the State Council's
// published schedule; 2027 lists only the statutory holiday days until its schedule is
// published. Dates are China calendar dates ('YYYY-MM-DD', Asia/Shanghai).
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

const ZONE = 'Asia/Shanghai';

const HOLIDAY_RANGES: ReadonlyArray<[from: string, to: string, name: string]> = [
  ['2026-01-01', '2026-01-03', '元旦'],
  ['2026-02-15', '2026-02-23', '春节'],
  ['2026-04-04', '2026-04-06', '清明节'],
  ['2026-05-01', '2026-05-05', '劳动节'],
  ['2026-06-19', '2026-06-21', '端午节'],
  ['2026-09-25', '2026-09-27', '中秋节'],
  ['2026-10-01', '2026-10-07', '国庆节'],
  // 2027: statutory days only (provisional)
  ['2027-01-01', '2027-01-01', '元旦'],
  ['2027-02-05', '2027-02-08', '春节'],
  ['2027-04-05', '2027-04-05', '清明节'],
  ['2027-05-01', '2027-05-02', '劳动节'],
  ['2027-06-09', '2027-06-09', '端午节'],
  ['2027-09-15', '2027-09-15', '中秋节'],
  ['2027-10-01', '2027-10-03', '国庆节'],
];

/** Weekend days that are working days (调休). */
const MAKEUP_WORKING_DAYS: ReadonlySet<string> = new Set([
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
]);

const HOLIDAYS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [from, to, name] of HOLIDAY_RANGES) {
    for (let d = dayjs.utc(from); !d.isAfter(dayjs.utc(to)); d = d.add(1, 'day')) map.set(d.format('YYYY-MM-DD'), name);
  }
  return map;
})();

// China has kept UTC+8 all year since 1992 (summer time ended in 1991), so from then on the
// calendar date is plain arithmetic; a time-zone library call costs tens of microseconds and the
// staff inbox needs one per listed thread. Earlier instants go through the tz database.
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
const UTC_PLUS_8_MS = 8 * 3_600_000;

/** The China calendar date of an instant. */
export function chinaDay(at: Date): string {
  const instant = at.getTime();
  if (instant >= FIXED_OFFSET_SINCE) return new Date(instant + UTC_PLUS_8_MS).toISOString().slice(0, 10);
  return dayjs(at).tz(ZONE).format('YYYY-MM-DD');
}

/** The public holiday a date falls in, if any ('国庆节'). */
export function holidayName(day: string): string | undefined {
  return HOLIDAYS.get(day);
}

/** A weekend day that is worked to make up for a holiday bridge (调休). */
export function isMakeupWorkingDay(day: string): boolean {
  return MAKEUP_WORKING_DAYS.has(day);
}

// Days are counted as whole numbers (days since 1970-01-01) so that counting a long overdue span
// costs a few integer steps per day, not a date-library call: the staff inbox computes it for
// every listed thread.
const DAY_MS = 86_400_000;
const dayNumber = (day: string): number =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
const dayString = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
const HOLIDAY_NUMBERS: ReadonlySet<number> = new Set([...HOLIDAYS.keys()].map(dayNumber));
const MAKEUP_NUMBERS: ReadonlySet<number> = new Set([...MAKEUP_WORKING_DAYS].map(dayNumber));

function isWorkingDayNumber(n: number): boolean {
  if (HOLIDAY_NUMBERS.has(n)) return false;
  if (MAKEUP_NUMBERS.has(n)) return true;
  const weekday = (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}

export function isWorkingDay(day: string): boolean {
  return isWorkingDayNumber(dayNumber(day));
}

/**
 * The last day of a limit of `days` working days that starts the working day after `start`
 * (the day of acceptance itself is not counted, as is usual for 承诺时限).
 */
export function addWorkingDays(start: Date | string, days: number): string {
  let n = dayNumber(typeof start === 'string' ? start : chinaDay(start));
  let left = days;
  while (left > 0) {
    n += 1;
    if (isWorkingDayNumber(n)) left -= 1;
  }
  return dayString(n);
}

/** Working days strictly after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: Date | string, to: Date | string): number {
  let n = dayNumber(typeof from === 'string' ? from : chinaDay(from));
  const end = dayNumber(typeof to === 'string' ? to : chinaDay(to));
  let count = 0;
  while (n < end) {
    n += 1;
    if (isWorkingDayNumber(n)) count += 1;
  }
  return count;
}

/** The end of a China calendar day, as an instant (a deadline day ends at 24:00 China time). */
export function endOfChinaDay(day: string): Date {
  return dayjs.tz(`${day} 23:59:59`, ZONE).toDate();
}
