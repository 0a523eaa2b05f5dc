// Times on the certificate pages: China time, to the minute.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { CHINA_ZONE } from '@/utils/time';

dayjs.extend(utc);
dayjs.extend(timezone);

export function formatDateTime(iso: string): string {
  return dayjs(iso).tz(CHINA_ZONE).format('YYYY-MM-DD HH:mm');
}
