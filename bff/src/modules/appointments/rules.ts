// The BFF's appointment rules in one place: how refusals are worded for residents, when the
// reminder goes out, and how distance is measured. The booking rules themselves (slots,
// cut-off, no-show suspension) belong to the hall service and are only explained here.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { AppError } from '../../core/errors';
import { ZONE } from '../../core/time';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The reminder goes out the day before the appointment at this China time. */
export const REMINDER_TIME = { hour: 10, minute: 0 };
/** A claimed reminder whose sender vanished (crash, restart) may be claimed again after this. */
export const REMINDER_LEASE_MS = 2 * 60_000;
/** A failed send is retried this many times, with this pause between tries. */
export const REMINDER_MAX_ATTEMPTS = 5;
export const REMINDER_RETRY_MS = 5 * 60_000;
/** How often each BFF instance looks for due reminders. */
export const REMINDER_INTERVAL_MS = 60_000;
/** WeChat subscription-message template of the reminder (registered in the mini-program's console). */
export const REMINDER_TEMPLATE_ID = 'BIANMIN_APPOINTMENT_REMINDER';
/** An idempotency key and its stored answer are kept this long. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** A booking still in progress under a key is waited for this long before answering "in progress". */
export const IDEMPOTENCY_WAIT_MS = 5_000;

/** When the day-before reminder of a slot is due; null when the booking was made that same day. */
export function reminderDueAt(slotDate: string, bookedAt: Date): Date | null {
  const bookedDay = dayjs(bookedAt).tz(ZONE).format('YYYY-MM-DD');
  if (bookedDay >= slotDate) return null;
  return dayjs
    .tz(`${slotDate} 00:00`, ZONE)
    .subtract(1, 'day')
    .hour(REMINDER_TIME.hour)
    .minute(REMINDER_TIME.minute)
    .toDate();
}

/** Great-circle distance in kilometres (haversine), rounded to 0.1 km. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)) * 10) / 10;
}

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** "周一至周五 09:00-12:00" for one opening period. */
export function describeHours(period: { weekdays: number[]; open: string; close: string }): string {
  const days = [...period.weekdays].sort((x, y) => x - y);
  const contiguous = days.every((d, i) => i === 0 || d === days[i - 1] + 1);
  const dayText =
    days.length > 2 && contiguous
      ? `${WEEKDAY_NAMES[days[0]]}至${WEEKDAY_NAMES[days[days.length - 1]]}`
      : days.map((d) => WEEKDAY_NAMES[d]).join('、');
  return `${dayText} ${period.open}-${period.close}`;
}

const chinaDay = (iso: unknown) => (typeof iso === 'string' ? dayjs(iso).tz(ZONE).format('YYYY年M月D日') : '');
const chinaTime = (iso: unknown) => (typeof iso === 'string' ? dayjs(iso).tz(ZONE).format('M月D日 HH:mm') : '');

/** A platform refusal in the resident's words, with a stable code and what helps them act. */
export function refusalError(code: string, details: Record<string, unknown>): AppError {
  switch (code) {
    case 'SLOT_FULL':
      return new AppError(409, 'SLOT_FULL', '该时段已约满，请选择其他时段或其他日期');
    case 'ALREADY_BOOKED_THAT_DAY':
      return new AppError(
        409,
        'ALREADY_BOOKED_THAT_DAY',
        '您当天已预约过该事项，同一事项每天只能预约一次；如需换时间，请在“我的预约”中改约',
      );
    case 'BOOKING_SUSPENDED':
      return new AppError(
        403,
        'BOOKING_SUSPENDED',
        `因 30 天内多次预约未到，您的预约功能暂停至 ${chinaDay(details.until)}，到期后可再预约`,
        { until: details.until },
      );
    case 'CANCEL_CUTOFF_PASSED':
      return new AppError(
        409,
        'CANCEL_CUTOFF_PASSED',
        `已过取消和改约截止时间（${chinaTime(details.cutoffAt)}），如不能前往请致电大厅`,
        { cutoffAt: details.cutoffAt },
      );
    case 'SLOT_NOT_BOOKABLE':
      return new AppError(
        422,
        'SLOT_NOT_BOOKABLE',
        '该时段当前不可预约（已过时、非办公时间或超出可预约天数），请选择其他时段',
      );
    case 'ITEM_NOT_AT_HALL':
      return new AppError(422, 'ITEM_NOT_AT_HALL', '该大厅不办理此事项，请选择其他大厅');
    case 'HALL_NOT_FOUND':
      return new AppError(404, 'HALL_NOT_FOUND', '办事大厅不存在');
    case 'APPOINTMENT_NOT_FOUND':
      return new AppError(404, 'APPOINTMENT_NOT_FOUND', '预约不存在');
    case 'APPOINTMENT_NOT_ACTIVE':
      return new AppError(409, 'APPOINTMENT_NOT_ACTIVE', '该预约已取消、已签到或已失效，不能再修改');
    case 'APPOINTMENT_CHANGED':
      return new AppError(409, 'APPOINTMENT_CHANGED', '该预约刚刚被修改，请刷新后再试');
    default:
      return new AppError(502, 'PLATFORM_BAD_GATEWAY', '相关服务返回异常，请稍后再试');
  }
}

export const STATUS_TEXT = { BOOKED: '已预约', CANCELLED: '已取消', CHECKED_IN: '已签到', NO_SHOW: '未到' } as const;
