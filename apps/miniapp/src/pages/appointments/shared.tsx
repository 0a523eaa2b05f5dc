// Pieces shared by the appointment pages: the day strip and slot grid with remaining seats, the
// check-in QR code (drawn on the device from the code's text), an appointment card, and how
// refusals are explained in place.
import { Image, Text, View } from '@tarojs/components';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { listMyAppointments, listSlots, type Appointment, type SlotDay } from '@/api/appointments';
import { ApiError } from '@/api/errors';
import { getToken } from '@/api/session';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import { go, routes } from '@/utils/navigation';
import './appointments.scss';

const t = messages.appointments;

export const appointmentRoutes = {
  book: '/pages/appointments/index',
  mine: '/pages/appointments/mine/index',
};

const pad = (n: number) => String(n).padStart(2, '0');
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 'YYYY-MM-DD' of a day in China time (the halls' calendar), `offset` days from today. */
export function chinaDay(offset = 0, now = new Date()): string {
  const china = new Date(now.getTime() + 8 * 3600_000 + offset * 86_400_000);
  return `${china.getUTCFullYear()}-${pad(china.getUTCMonth() + 1)}-${pad(china.getUTCDate())}`;
}

/** "3月2日 周一" */
export function dayLabel(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]}`;
}

/** "3月2日 13:00" in China time. */
export function timeLabel(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The message shown in place for a refusal, or null when the client has already said it. */
export function refusalText(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'BOOKING_SUSPENDED' && typeof error.details.until === 'string') {
    return t.suspended(timeLabel(error.details.until).split(' ')[0]);
  }
  return error.message;
}

/** Day strip plus the slots of the chosen day, with the remaining seats on each. */
export function SlotPicker(props: {
  hallId: string;
  itemCode: string;
  selected: string | null;
  onSelect: (slotId: string, label: string) => void;
  exclude?: string;
}) {
  const { hallId, itemCode, selected, onSelect, exclude } = props;
  const [days, setDays] = useState<SlotDay[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [date, setDate] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setDays(null);
    setFailed(false);
    listSlots(hallId, itemCode, chinaDay(0), chinaDay(6))
      .then((answer) => {
        if (!live) return;
        setDays(answer.days);
        setDate(answer.days.find((d) => d.slots.some((s) => s.bookable))?.date ?? answer.days[0]?.date ?? null);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [hallId, itemCode]);

  if (failed) return <Text role="alert">{t.loadFailed}</Text>;
  if (!days) return <Skeleton lines={4} />;
  const day = days.find((d) => d.date === date);
  return (
    <View className="appt-picker">
      <View className="appt-days" role="group" aria-label={t.steps.slot}>
        {days.map((d) => (
          <View
            key={d.date}
            className={`appt-day ${d.date === date ? 'appt-day--on' : ''} ${d.open ? '' : 'appt-day--closed'}`}
            role="button"
            tabIndex={0}
            aria-pressed={d.date === date}
            aria-label={`${t.pickDate(dayLabel(d.date))}${d.open ? '' : `，${t.closed(d.note)}`}`}
            onClick={() => setDate(d.date)}
          >
            <Text>{dayLabel(d.date).split(' ')[0]}</Text>
            <Text className="appt-day__sub">{d.open ? dayLabel(d.date).split(' ')[1] : t.closed(d.note)}</Text>
          </View>
        ))}
      </View>
      {day && day.slots.filter((s) => s.bookable && s.slotId !== exclude).length === 0 && (
        <Text role="status">{day.open ? t.noSlots : t.closed(day.note)}</Text>
      )}
      <View className="appt-slots" role="group" aria-label={day ? dayLabel(day.date) : t.steps.slot}>
        {day?.slots
          .filter((s) => s.slotId !== exclude)
          .map((s) => (
            <View
              key={s.slotId}
              className={`appt-slot ${selected === s.slotId ? 'appt-slot--on' : ''} ${s.bookable ? '' : 'appt-slot--off'}`}
              role="button"
              tabIndex={s.bookable ? 0 : -1}
              aria-disabled={!s.bookable}
              aria-pressed={selected === s.slotId}
              aria-label={t.pickSlot(dayLabel(day.date), s.start, s.end, s.bookable ? s.remaining : 0)}
              onClick={() => s.bookable && onSelect(s.slotId, `${dayLabel(day.date)} ${s.start}-${s.end}`)}
            >
              <Text className="appt-slot__time">{`${s.start}-${s.end}`}</Text>
              <Text className="appt-slot__left">{t.remaining(s.bookable ? s.remaining : 0)}</Text>
            </View>
          ))}
      </View>
    </View>
  );
}

/** Base64 of an ASCII string (an SVG document), without relying on btoa (absent in the mini-program). */
function asciiBase64(text: string): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out +=
      chars[(n >> 18) & 63] +
      chars[(n >> 12) & 63] +
      (i + 1 < text.length ? chars[(n >> 6) & 63] : '=') +
      (i + 2 < text.length ? chars[n & 63] : '=');
  }
  return out;
}

/** The check-in QR code as an image data URL (SVG, drawn without a canvas), and the code beside it. */
export function CheckInQr({ appointment }: { appointment: Pick<Appointment, 'checkInQrText' | 'checkInCode'> }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(appointment.checkInQrText, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      .then((svg) => live && setSrc(`data:image/svg+xml;base64,${asciiBase64(svg)}`))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [appointment.checkInQrText]);
  return (
    <View className="appt-qr">
      {src ? (
        <Image className="appt-qr__image" src={src} mode="aspectFit" ariaLabel={t.qrLabel(appointment.checkInCode)} />
      ) : (
        <Skeleton lines={2} />
      )}
      <Text className="appt-qr__label">{t.checkInCode}</Text>
      <Text className="appt-qr__code" aria-label={`${t.checkInCode} ${appointment.checkInCode.split('').join(' ')}`}>
        {appointment.checkInCode.replace(/(\d{4})(\d{4})/, '$1 $2')}
      </Text>
    </View>
  );
}

const TONE: Record<Appointment['status'], 'done' | 'info' | 'todo'> = {
  BOOKED: 'info',
  CHECKED_IN: 'done',
  CANCELLED: 'todo',
  NO_SHOW: 'todo',
};

export function Summary({ appointment }: { appointment: Appointment }) {
  return (
    <View className="appt-summary">
      <View className="appt-summary__head">
        <Text className="appt-summary__title">{appointment.itemName}</Text>
        <Text className={`bm-badge bm-badge--${TONE[appointment.status]}`}>{appointment.statusText}</Text>
      </View>
      <Row label={t.summary.time} value={`${dayLabel(appointment.date)} ${appointment.start}-${appointment.end}`} />
      <Row label={t.summary.hall} value={appointment.hallName} />
      <Row label={t.summary.window} value={appointment.windowName} />
      <Row label={t.summary.address} value={appointment.hallAddress} />
    </View>
  );
}

export function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="appt-row">
      <Text className="appt-row__label">{label}</Text>
      <Text className="appt-row__value">{value}</Text>
    </View>
  );
}

export type Access =
  | { kind: 'checking' }
  | { kind: 'guest' }
  | { kind: 'needRealName' }
  | { kind: 'failed' }
  | { kind: 'ok'; suspendedUntil: string | null };

export function AccessGate({ access, retry }: { access: Access; retry: () => void }) {
  if (access.kind === 'checking') return <Skeleton lines={3} />;
  if (access.kind === 'guest')
    return (
      <View className="bm-card bm-form">
        <Text>{t.needLogin}</Text>
        <ActionButton onClick={() => go(routes.login)}>{t.goLogin}</ActionButton>
      </View>
    );
  if (access.kind === 'needRealName')
    return (
      <View className="bm-card bm-form">
        <Text>{t.needRealName}</Text>
        <ActionButton onClick={() => go(routes.identity)}>{t.goRealName}</ActionButton>
      </View>
    );
  if (access.kind === 'failed')
    return (
      <View className="bm-card bm-form" role="alert">
        <Text>{t.loadFailed}</Text>
        <ActionButton onClick={retry}>{messages.common.retry}</ActionButton>
      </View>
    );
  return null;
}

/** Who may book: a guest, a resident without real-name, or a resident (perhaps suspended). */
export async function checkAccess(): Promise<Access> {
  if (!getToken()) return { kind: 'guest' };
  try {
    const mine = await listMyAppointments();
    return { kind: 'ok', suspendedUntil: mine.booking.suspended ? mine.booking.suspendedUntil : null };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { kind: 'guest' };
    if (error instanceof ApiError && error.code === 'LEVEL_REQUIRED') return { kind: 'needRealName' };
    return { kind: 'failed' };
  }
}
