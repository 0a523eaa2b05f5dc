// The working-day calendar against dates a resident can check on a wall calendar, and against a
// plain day-by-day count over two years of start dates.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import {
  addWorkingDays,
  chinaDay,
  holidayName,
  isMakeupWorkingDay,
  isWorkingDay,
  workingDaysBetween,
} from './working-days';

dayjs.extend(utc);
dayjs.extend(timezone);

describe('working days (2026 national schedule)', () => {
  it('knows weekends, holidays and make-up working days', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(isWorkingDay('2026-10-05')).toBe(false); // 国庆节, a Monday
    expect(holidayName('2026-10-05')).toBe('国庆节');
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday worked for 国庆节
    expect(isMakeupWorkingDay('2026-10-10')).toBe(true);
  });

  it('counts a limit from the working day after the start', () => {
    expect(addWorkingDays('2026-04-03', 1)).toBe('2026-04-07'); // Friday before 清明节
    expect(addWorkingDays('2026-09-21', 15)).toBe('2026-10-19'); // across 中秋节 and 国庆节
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4); // 8, 9, 10 (Sat, worked), 12
    expect(workingDaysBetween('2026-10-12', '2026-09-30')).toBe(0);
    expect(workingDaysBetween(new Date('2026-11-23T01:00:00Z'), new Date('2026-11-27T15:00:00Z'))).toBe(4);
  });

  it('agrees with a plain day-by-day count', () => {
    const reference = (from: string, to: string) => {
      let count = 0;
      for (let d = dayjs.utc(from).add(1, 'day'); !d.isAfter(dayjs.utc(to)); d = d.add(1, 'day')) {
        const day = d.format('YYYY-MM-DD');
        const weekend = d.day() === 0 || d.day() === 6;
        if (!holidayName(day) && (isMakeupWorkingDay(day) || !weekend)) count += 1;
      }
      return count;
    };
    for (let offset = 0; offset < 700; offset += 7) {
      const from = dayjs.utc('2026-01-01').add(offset, 'day').format('YYYY-MM-DD');
      const to = dayjs
        .utc(from)
        .add(40 + (offset % 60), 'day')
        .format('YYYY-MM-DD');
      const counted = workingDaysBetween(from, to);
      expect(counted).toBe(reference(from, to));
      expect(workingDaysBetween(from, addWorkingDays(from, counted))).toBe(counted);
    }
  });

  it('reads instants on the China calendar', () => {
    expect(chinaDay(new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-24');
    expect(chinaDay(new Date('2026-11-23T15:59:59.999Z'))).toBe('2026-11-23');
    expect(chinaDay(new Date('2026-11-23T16:00:00.000Z'))).toBe('2026-11-24');
    // 1988 still had summer time (UTC+9): 15:30Z on 1 July was already the 2nd in Beijing.
    expect(chinaDay(new Date('1988-07-01T15:30:00Z'))).toBe('1988-07-02');
  });

  it('agrees with the time-zone database at every hour over three years', () => {
    const tz = (at: Date) => dayjs(at).tz('Asia/Shanghai').format('YYYY-MM-DD');
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2028, 0, 1); t += 3_600_000 + 61_000) {
      const at = new Date(t);
      if (chinaDay(at) !== tz(at)) expect(`${at.toISOString()} ${chinaDay(at)}`).toBe(`${at.toISOString()} ${tz(at)}`);
    }
    expect(chinaDay(new Date(Date.UTC(2027, 11, 31, 16)))).toBe(tz(new Date(Date.UTC(2027, 11, 31, 16))));
  });
});
