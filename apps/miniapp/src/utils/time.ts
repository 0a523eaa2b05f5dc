// Times shown to residents are China time, whatever the phone's zone setting.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const CHINA_ZONE = 'Asia/Shanghai';

export function formatClock(iso: string): string {
  return dayjs(iso).tz(CHINA_ZONE).format('HH:mm');
}

/** `2026年3月9日`: a day in China time. */
export function formatDay(iso: string): string {
  return dayjs(iso).tz(CHINA_ZONE).format('YYYY年M月D日');
}
