// Calendar time is China time: "a day" for daily limits ends at midnight in Asia/Shanghai.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = 'Asia/Shanghai';

/** 'YYYY-MM-DD' of the given instant in China. */
export function chinaDate(now: Date = new Date()): string {
  return dayjs(now).tz(ZONE).format('YYYY-MM-DD');
}

/** The next midnight in China after the given instant. */
export function nextChinaMidnight(now: Date = new Date()): Date {
  return dayjs(now).tz(ZONE).startOf('day').add(1, 'day').toDate();
}

export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}
